package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.digits.TestData;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InferenceTest {
  private static final int IMAGES = 5;

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void foldedNetworkComputesWhatTheBlockComputesInInferenceMode(Architecture architecture) {
    try (Model model = randomized(architecture, 7)) {
      float[] pixels = randomPixels(IMAGES, 11);
      float[] expected = blockLogits(model, pixels, IMAGES);
      try (Inference inference = inference(architecture, model)) {
        float[] actual = inference.logits(pixels, IMAGES);
        assertThat(actual).hasSize(IMAGES * 10);
        for (int i = 0; i < expected.length; i++) {
          float tolerance = 1e-4f * Math.max(1, Math.abs(expected[i]));
          assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(tolerance));
        }
      }
    }
  }

  @Test
  void aChannelsLastConvolutionHoldsTheSameWeightsAndComputesTheSameAsTheUsualOne() {
    Random random = new Random(5);
    try (NDManager manager = NDManager.newBaseManager()) {
      // Unequal sizes in every dimension, so any mix-up of the reordering's indices shows.
      Shape weightShape = new Shape(6, 4, 3, 2);
      NDArray weight = gaussian(manager, weightShape, random);
      NDArray bias = gaussian(manager, new Shape(6), random);
      NDArray images = gaussian(manager, new Shape(3, 4, 9, 7), random);
      Shape stride = new Shape(1, 1);
      Shape padding = new Shape(1, 0);
      InferenceStep.Convolution usual =
          new InferenceStep.Convolution(weight, bias, stride, padding);
      InferenceStep.Convolution channelsLast =
          InferenceStep.Convolution.channelsLast(weight, bias, stride, padding, manager);

      assertThat(channelsLast.weight().getShape()).isEqualTo(weightShape);
      assertThat(channelsLast.weight().toFloatArray()).containsExactly(weight.toFloatArray());
      float[] expected = usual.apply(images).toFloatArray();
      float[] actual = channelsLast.apply(images).toFloatArray();
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(1e-4f));
      }
    }
  }

  private static NDArray gaussian(NDManager manager, Shape shape, Random random) {
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return manager.create(values, shape);
  }

  @Test
  void isASnapshotOfTheWeightsWhenItWasMade() {
    try (Model model = randomized(Architecture.GAP_CNN, 3)) {
      float[] pixels = randomPixels(2, 5);
      try (Inference inference = inference(Architecture.GAP_CNN, model)) {
        float[] before = inference.logits(pixels, 2);
        randomize(model.getBlock(), new Random(99));
        assertThat(blockLogits(model, pixels, 2)).isNotEqualTo(before);
        assertThat(inference.logits(pixels, 2)).containsExactly(before);
      }
    }
  }

  @Test
  void refusesABlockOfAnotherArchitecture() {
    try (Model model = randomized(Architecture.GAP_CNN, 1)) {
      assertThatThrownBy(() -> inference(Architecture.DIGITS_CNN, model))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("digits-cnn");
    }
  }

  @Test
  void refusesTooFewPixels() {
    try (Model model = randomized(Architecture.GAP_CNN, 1);
        Inference inference = inference(Architecture.GAP_CNN, model)) {
      assertThatThrownBy(() -> inference.logits(new float[784], 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1568");
    }
  }

  private static Inference inference(Architecture architecture, Model model) {
    return new Inference(
        architecture, model.getBlock(), ModelMetadata.InputSpec.MNIST, model.getNDManager());
  }

  /**
   * A network whose every parameter, batch-norm statistics included, is random: freshly initialized
   * batch norm (γ 1, β 0, mean 0, variance 1) would hide a folding mistake.
   */
  private static Model randomized(Architecture architecture, long seed) {
    Model model = Model.newInstance("random");
    model.setBlock(architecture.newBlock(10));
    model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
    randomize(model.getBlock(), new Random(seed));
    return model;
  }

  private static void randomize(Block block, Random random) {
    for (Parameter parameter : block.getParameters().values()) {
      NDArray array = parameter.getArray();
      float[] values = new float[(int) array.size()];
      boolean positive = parameter.getName().equals("runningVar");
      for (int i = 0; i < values.length; i++) {
        values[i] =
            positive
                ? 0.2f + random.nextFloat()
                : (float) random.nextGaussian() * (parameter.getName().equals("weight") ? 0.3f : 1);
      }
      array.set(values);
    }
  }

  /** The logits of the trained block's own forward pass, in inference mode. */
  private static float[] blockLogits(Model model, float[] pixels, int count) {
    float[] normalized = new float[pixels.length];
    ModelMetadata.InputSpec.MNIST.normalize(pixels, 0, normalized, 0, normalized.length);
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray batch = scope.create(normalized, new Shape(count, 1, 28, 28));
      SequentialBlock block = (SequentialBlock) model.getBlock();
      NDList out = block.forward(new ParameterStore(scope, false), new NDList(batch), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  private static float[] randomPixels(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * DigitClassifier.PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat() < 0.2f ? random.nextFloat() : 0;
    }
    return pixels;
  }
}
