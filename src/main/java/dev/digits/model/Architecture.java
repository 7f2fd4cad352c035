package dev.digits.model;

import static dev.digits.model.Layer.convBnRelu;
import static dev.digits.model.Layer.dense;
import static dev.digits.model.Layer.denseBnRelu;
import static dev.digits.model.Layer.dropout;
import static dev.digits.model.Layer.flatten;
import static dev.digits.model.Layer.globalAveragePool;
import static dev.digits.model.Layer.maxPool;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The model zoo: named network architectures for 1×28×28 inputs. Each ends in a dense layer of
 * logits, one per output: the ten digits, and for networks that decline, the kinds of drawing that
 * are not one digit ({@link OutputClasses}).
 *
 * <p>Weights of convolutions and dense layers have DJL's {@link Parameter.Type#WEIGHT}; the L1 and
 * L2 penalties apply to exactly those (not to biases or batch-norm parameters).
 */
public enum Architecture {
  /**
   * The project's default, chosen for accuracy per CPU-second of serving: pairs of 3×3 convolutions
   * at 28×28, 14×14 and 7×7, the first two pairs followed by max-pooling, all with batch norm;
   * global average pooling, dropout and a single dense layer. About 73k parameters and 7.3 million
   * multiply-adds per image, a third of {@link #DIGITS_CNN}'s, for the same accuracy on MNIST.
   */
  LEAN_CNN(
      "lean-cnn",
      "conv 16-16, pool, conv 32-32, pool, conv 64-64, with batch norm; global average pooling,"
          + " dropout 0.2",
      convBnRelu(16, 3, 1, 1),
      convBnRelu(16, 3, 1, 1),
      maxPool(2),
      convBnRelu(32, 3, 1, 1),
      convBnRelu(32, 3, 1, 1),
      maxPool(2),
      convBnRelu(64, 3, 1, 1),
      convBnRelu(64, 3, 1, 1),
      globalAveragePool(),
      dropout(0.2f)),

  /**
   * lean-cnn with a wider last pair (96 channels at 7×7): about 75 % more parameters and a third
   * more multiply-adds. Tried as the default for the network that also declines and reads real
   * writers' pen digits; it read them no better (docs/TRAINING.md), so it stays in the zoo.
   */
  LEAN_WIDE(
      "lean-wide",
      "conv 16-16, pool, conv 32-32, pool, conv 96-96, with batch norm; global average pooling,"
          + " dropout 0.2",
      convBnRelu(16, 3, 1, 1),
      convBnRelu(16, 3, 1, 1),
      maxPool(2),
      convBnRelu(32, 3, 1, 1),
      convBnRelu(32, 3, 1, 1),
      maxPool(2),
      convBnRelu(96, 3, 1, 1),
      convBnRelu(96, 3, 1, 1),
      globalAveragePool(),
      dropout(0.2f)),

  /**
   * The first default: two 3×3 convolutions at each of the 28×28 and 14×14 resolutions, each pair
   * followed by max-pooling, one more at 7×7, all with batch norm; global average pooling, dropout
   * and a single dense layer. About 140k parameters and 22 million multiply-adds per image; the
   * regularization study's models are of this architecture.
   */
  DIGITS_CNN(
      "digits-cnn",
      "conv 32-32, pool, conv 64-64, pool, conv 128, with batch norm; global average pooling,"
          + " dropout 0.2",
      convBnRelu(32, 3, 1, 1),
      convBnRelu(32, 3, 1, 1),
      maxPool(2),
      convBnRelu(64, 3, 1, 1),
      convBnRelu(64, 3, 1, 1),
      maxPool(2),
      convBnRelu(128, 3, 1, 1),
      globalAveragePool(),
      dropout(0.2f)),

  /**
   * The first seed's network: conv 32 and 64 with batch norm and max-pool, dense 256 and 128 with
   * batch norm and dropout 0.5. About 465k parameters, most in the first dense layer.
   */
  SEED_CNN(
      "seed-cnn",
      "conv 32 + conv 64 with batch norm and max-pool, dense 256 and 128 with dropout 0.5",
      convBnRelu(32, 3, 1, 0),
      maxPool(2),
      convBnRelu(64, 3, 1, 0),
      maxPool(2),
      flatten(),
      denseBnRelu(256),
      dropout(0.5f),
      denseBnRelu(128),
      dropout(0.5f)),

  /**
   * A compact network like the second seed's: seven small 3×3 convolutions with batch norm and
   * light dropout, one max-pool, global average pooling. Under 20k parameters.
   */
  GAP_CNN(
      "gap-cnn",
      "7 small conv layers (8-16-16, pool, 16-16-16-32) with batch norm, global average pooling",
      convBnRelu(8, 3, 1, 0),
      convBnRelu(16, 3, 1, 0),
      convBnRelu(16, 3, 1, 0),
      maxPool(2),
      dropout(0.05f),
      convBnRelu(16, 3, 1, 0),
      convBnRelu(16, 3, 1, 0),
      convBnRelu(16, 3, 1, 0),
      convBnRelu(32, 3, 1, 0),
      globalAveragePool());

  /** The architecture new models use unless told otherwise. */
  public static final Architecture DEFAULT = LEAN_CNN;

  /** The input shape of one image: batch 1, one channel, 28×28. */
  public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);

  private final String id;
  private final String summary;
  private final List<Layer> layers;

  Architecture(String id, String summary, Layer... layers) {
    this.id = id;
    this.summary = summary;
    this.layers = List.of(layers);
  }

  /** A new, uninitialized network of this architecture with {@code outputs} logits. */
  public Block newBlock(int outputs) {
    SequentialBlock block = new SequentialBlock();
    withHead(outputs).forEach(layer -> block.add(layer.newBlock()));
    return block;
  }

  /** The layers and the dense layer of logits. */
  private List<Layer> withHead(int outputs) {
    List<Layer> all = new ArrayList<>(layers);
    all.add(dense(outputs));
    return all;
  }

  /**
   * The steps that compute, in inference mode, what {@code trained} (a block {@link #newBlock(int)}
   * made) computes, with its weights copied into {@code weights} as they are now.
   */
  List<InferenceStep> inferenceSteps(Block trained, NDManager weights) {
    List<Block> blocks = new ArrayList<>(trained.getChildren().values());
    // The head's size is in its weights; folding reads it from there.
    List<Layer> layers = withHead(1);
    if (blocks.size() != layers.size()) {
      throw new IllegalArgumentException(
          "the block has " + blocks.size() + " layers, " + id + " has " + layers.size());
    }
    List<InferenceStep> steps = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      steps.addAll(layers.get(i).fold(blocks.get(i), weights));
    }
    return poolBeforeRelu(steps);
  }

  /** The name used on the command line and in model files, e.g. {@code digits-cnn}. */
  public String id() {
    return id;
  }

  /** One line describing the layers. */
  public String summary() {
    return summary;
  }

  /**
   * The architecture with this name.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Architecture byId(String id) {
    for (Architecture architecture : values()) {
      if (architecture.id.equals(id)) {
        return architecture;
      }
    }
    throw new IllegalArgumentException("unknown architecture '" + id + "'; known: " + knownIds());
  }

  /** The known names, comma-separated. */
  public static String knownIds() {
    return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
  }

  /**
   * ReLU then max-pooling equals max-pooling then ReLU (both are monotonic), and the second applies
   * ReLU to a quarter of the values.
   */
  private static List<InferenceStep> poolBeforeRelu(List<InferenceStep> steps) {
    List<InferenceStep> reordered = new ArrayList<>(steps);
    for (int i = 0; i + 1 < reordered.size(); i++) {
      if (reordered.get(i) == InferenceStep.Relu.INSTANCE
          && reordered.get(i + 1) instanceof InferenceStep.MaxPool) {
        Collections.swap(reordered, i, i + 1);
        i++;
      }
    }
    return reordered;
  }
}
