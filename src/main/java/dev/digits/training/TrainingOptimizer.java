package dev.digits.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.digits.model.TrainingConfig.OptimizerKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam or SGD with momentum, driven by the run's learning-rate schedule, with state that can be
 * saved in a checkpoint and restored.
 *
 * <p>DJL's own optimizers keep their moment estimates private, so a resumed run would restart them
 * from zero. This one holds them itself, keyed by parameter name (ids change between processes),
 * and still uses the engine's fused update kernels, which also clear the gradient.
 */
final class TrainingOptimizer extends Optimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  private static final float MOMENTUM = 0.9f;
  private static final float NO_CLIPPING = -1;

  private final OptimizerKind kind;
  private final LearningRateSchedule schedule;
  private final Map<String, String> namesById = new HashMap<>();
  private final Map<String, NDArray[]> stateByName = new LinkedHashMap<>();
  private long step;

  TrainingOptimizer(OptimizerKind kind, LearningRateSchedule schedule) {
    super(new Builder());
    this.kind = kind;
    this.schedule = schedule;
  }

  /** Creates zeroed state for every trainable parameter of an initialized block. */
  void attach(Block block) {
    block
        .getParameters()
        .forEach(
            pair -> {
              Parameter parameter = pair.getValue();
              if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                namesById.put(parameter.getId(), pair.getKey());
                int slots = kind == OptimizerKind.ADAM ? 2 : 1;
                NDArray[] state = new NDArray[slots];
                for (int i = 0; i < slots; i++) {
                  state[i] = weight.getManager().zeros(weight.getShape(), weight.getDataType());
                }
                stateByName.put(pair.getKey(), state);
              }
            });
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    NDArray[] state = stateByName.get(namesById.get(parameterId));
    float rate = currentLearningRate();
    if (kind == OptimizerKind.ADAM) {
      long t = step + 1;
      float biasCorrected =
          (float) (rate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
      weight
          .getNDArrayInternal()
          .adamUpdate(
              new NDList(weight, grad, state[0], state[1]),
              new NDList(weight),
              rate,
              biasCorrected,
              0,
              1,
              NO_CLIPPING,
              BETA1,
              BETA2,
              EPSILON,
              true,
              false);
    } else {
      weight
          .getNDArrayInternal()
          .sgdUpdate(
              new NDList(weight, grad, state[0]),
              new NDList(weight),
              rate,
              0,
              1,
              NO_CLIPPING,
              MOMENTUM,
              true);
    }
  }

  /** Marks the end of one optimizer step; the schedule moves on. */
  void advance() {
    step++;
  }

  /** Optimizer steps taken so far. */
  long step() {
    return step;
  }

  /** The learning rate of the current step. */
  float currentLearningRate() {
    return schedule.at(step);
  }

  /** Writes the step count and every state array. */
  void save(DataOutputStream out) throws IOException {
    out.writeLong(step);
    out.writeInt(stateByName.size());
    for (Map.Entry<String, NDArray[]> entry : stateByName.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeInt(entry.getValue().length);
      for (NDArray array : entry.getValue()) {
        float[] values = array.toFloatArray();
        out.writeInt(values.length);
        for (float value : values) {
          out.writeFloat(value);
        }
      }
    }
  }

  /** Restores what {@link #save} wrote; the block must already be attached. */
  void load(DataInputStream in) throws IOException {
    step = in.readLong();
    int count = in.readInt();
    if (count != stateByName.size()) {
      throw new IOException(
          "checkpoint has optimizer state for "
              + count
              + " parameters, the model has "
              + stateByName.size());
    }
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      NDArray[] state = stateByName.get(name);
      int slots = in.readInt();
      if (state == null || slots != state.length) {
        throw new IOException("checkpoint's optimizer state does not fit parameter " + name);
      }
      for (NDArray array : state) {
        float[] values = new float[in.readInt()];
        if (values.length != array.size()) {
          throw new IOException("checkpoint's optimizer state does not fit parameter " + name);
        }
        for (int k = 0; k < values.length; k++) {
          values[k] = in.readFloat();
        }
        array.set(FloatBuffer.wrap(values));
      }
    }
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
