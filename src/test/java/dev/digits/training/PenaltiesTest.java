package dev.digits.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import dev.digits.TestData;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The L1 and L2 terms against a hand computation on a tiny network. */
class PenaltiesTest {
  // conv 1→2 channels with a 2×2 kernel: 8 weights and 2 biases; batch norm: 2 γ, 2 β; dense 2→3:
  // 6 weights. Only the 14 weights are penalized.
  private static final float[] CONV_WEIGHTS = {0.5f, -1.5f, 2f, 0f, -0.25f, 1f, -3f, 0.75f};
  private static final float[] CONV_BIASES = {10f, -20f};
  private static final float[] DENSE_WEIGHTS = {1f, -2f, 0.5f, 4f, -1f, 0.125f};

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  private static Model tinyModel() {
    Block block =
        new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(2, 2)).setFilters(2).build())
            .add(BatchNorm.builder().build())
            .add(ai.djl.nn.Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(3).optBias(false).build());
    Model model = Model.newInstance("tiny");
    model.setBlock(block);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 2, 2));
    List<Parameter> weights = Penalties.penalizedWeights(block);
    assertThat(weights).hasSize(2);
    weights.get(0).getArray().set(FloatBuffer.wrap(CONV_WEIGHTS));
    weights.get(1).getArray().set(FloatBuffer.wrap(DENSE_WEIGHTS));
    block.getParameters().values().stream()
        .filter(p -> p.getType() == Parameter.Type.BIAS)
        .findFirst()
        .orElseThrow()
        .getArray()
        .set(FloatBuffer.wrap(CONV_BIASES));
    return model;
  }

  private static double sumAbs(float[]... arrays) {
    double sum = 0;
    for (float[] array : arrays) {
      for (float v : array) {
        sum += Math.abs(v);
      }
    }
    return sum;
  }

  private static double sumSquares(float[]... arrays) {
    double sum = 0;
    for (float[] array : arrays) {
      for (float v : array) {
        sum += v * v;
      }
    }
    return sum;
  }

  @Test
  void penalizesOnlyConvolutionAndDenseWeights() {
    try (Model model = tinyModel()) {
      assertThat(Penalties.penalizedWeights(model.getBlock()))
          .allMatch(p -> p.getType() == Parameter.Type.WEIGHT);
    }
  }

  @Test
  void l1TermIsLambdaTimesSumOfAbsoluteWeights() {
    try (Model model = tinyModel();
        NDArray term = new Penalties(0.01f, 0, model.getBlock()).term()) {
      // |0.5|+|-1.5|+2+0+|-0.25|+1+|-3|+0.75 = 9 ; 1+2+0.5+4+1+0.125 = 8.625 → 17.625
      assertThat(sumAbs(CONV_WEIGHTS, DENSE_WEIGHTS)).isEqualTo(17.625);
      assertThat(term.getFloat()).isCloseTo(0.17625f, within(1e-6f));
    }
  }

  @Test
  void l2TermIsLambdaTimesSumOfSquaredWeights() {
    try (Model model = tinyModel();
        NDArray term = new Penalties(0, 0.001f, model.getBlock()).term()) {
      double expected = 0.001 * sumSquares(CONV_WEIGHTS, DENSE_WEIGHTS);
      assertThat(expected).isCloseTo(0.001 * (17.125 + 22.265625), within(1e-12));
      assertThat((double) term.getFloat()).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void bothTermsAddUp() {
    try (Model model = tinyModel();
        NDArray term = new Penalties(0.01f, 0.001f, model.getBlock()).term()) {
      double expected =
          0.01 * sumAbs(CONV_WEIGHTS, DENSE_WEIGHTS)
              + 0.001 * sumSquares(CONV_WEIGHTS, DENSE_WEIGHTS);
      assertThat((double) term.getFloat()).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void noPenaltyIsInactive() {
    try (Model model = tinyModel()) {
      assertThat(new Penalties(0, 0, model.getBlock()).active()).isFalse();
    }
  }

  @Test
  void gradientOfTheTermsIsL1SignPlusTwiceL2Weight() {
    try (Model model = tinyModel()) {
      Parameter conv = Penalties.penalizedWeights(model.getBlock()).get(0);
      conv.getArray().setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(new Penalties(0.01f, 0.001f, model.getBlock()).term());
      }
      float[] gradient = conv.getArray().getGradient().toFloatArray();
      for (int i = 0; i < CONV_WEIGHTS.length; i++) {
        float w = CONV_WEIGHTS[i];
        assertThat(gradient[i]).isCloseTo(0.01f * Math.signum(w) + 0.002f * w, within(1e-6f));
      }
    }
  }
}
