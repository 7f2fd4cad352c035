package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One layer of an {@link Architecture}, described once and built two ways: as the DJL block that is
 * trained and saved, and as the {@link InferenceStep}s that answer once it is trained, with batch
 * norm folded into the weights before it and dropout gone.
 */
sealed interface Layer {
  /** DJL's default, set explicitly because folding must use the same value. */
  float BATCH_NORM_EPSILON = 1e-5f;

  /** A new, uninitialized block for training. */
  Block newBlock();

  /**
   * The steps that compute what {@code trained}, a block {@link #newBlock()} made, computes in
   * inference mode. Folded weights are created in {@code weights}; the trained block is only read.
   */
  List<InferenceStep> fold(Block trained, NDManager weights);

  /** A convolution without bias, batch norm over its channels, ReLU. */
  static Layer convBnRelu(int filters, int kernel, int stride, int padding) {
    return new ConvBnRelu(filters, kernel, stride, padding);
  }

  /** A dense layer without bias, batch norm over its units, ReLU. */
  static Layer denseBnRelu(int units) {
    return new DenseBnRelu(units);
  }

  /** Max-pooling over {@code size}×{@code size} windows with stride {@code size}. */
  static Layer maxPool(int size) {
    return new WithoutWeights(
        () -> Pool.maxPool2dBlock(new Shape(size, size)), List.of(new InferenceStep.MaxPool(size)));
  }

  /** The mean of each channel over the whole image. */
  static Layer globalAveragePool() {
    return new WithoutWeights(
        Pool::globalAvgPool2dBlock, List.of(InferenceStep.GlobalAveragePool.INSTANCE));
  }

  /** Dropout while training; nothing when answering. */
  static Layer dropout(float rate) {
    return new WithoutWeights(() -> Dropout.builder().optRate(rate).build(), List.of());
  }

  /** Flattens each image's channels and pixels into one vector. */
  static Layer flatten() {
    return new WithoutWeights(Blocks::batchFlattenBlock, List.of(InferenceStep.Flatten.INSTANCE));
  }

  /** A dense layer with bias: the logits. */
  static Layer dense(int units) {
    return new Dense(units);
  }

  record ConvBnRelu(int filters, int kernel, int stride, int padding) implements Layer {
    @Override
    public Block newBlock() {
      return withBatchNormAndRelu(
          Conv2d.builder()
              .setKernelShape(new Shape(kernel, kernel))
              .setFilters(filters)
              .optStride(new Shape(stride, stride))
              .optPadding(new Shape(padding, padding))
              .optBias(false)
              .build());
    }

    @Override
    public List<InferenceStep> fold(Block trained, NDManager weights) {
      return foldBatchNormAndRelu(
          trained,
          weights,
          (weight, bias) ->
              InferenceStep.Convolution.channelsLast(
                  weight, bias, new Shape(stride, stride), new Shape(padding, padding), weights));
    }
  }

  record DenseBnRelu(int units) implements Layer {
    @Override
    public Block newBlock() {
      return withBatchNormAndRelu(Linear.builder().setUnits(units).optBias(false).build());
    }

    @Override
    public List<InferenceStep> fold(Block trained, NDManager weights) {
      return foldBatchNormAndRelu(trained, weights, InferenceStep.Dense::new);
    }
  }

  /**
   * A layer without weights: the block that trains, and the steps that compute the same when
   * answering (none for dropout).
   */
  record WithoutWeights(Supplier<Block> block, List<InferenceStep> steps) implements Layer {
    @Override
    public Block newBlock() {
      return block.get();
    }

    @Override
    public List<InferenceStep> fold(Block trained, NDManager weights) {
      return steps;
    }
  }

  record Dense(int units) implements Layer {
    @Override
    public Block newBlock() {
      return Linear.builder().setUnits(units).build();
    }

    @Override
    public List<InferenceStep> fold(Block trained, NDManager weights) {
      var parameters = trained.getParameters();
      return List.of(
          new InferenceStep.Dense(
              copy(parameters.get("weight").getArray(), weights),
              copy(parameters.get("bias").getArray(), weights)));
    }
  }

  /** A copy that does not require gradients, so answering never records autograd history. */
  private static NDArray copy(NDArray array, NDManager manager) {
    return manager.create(array.toFloatArray(), array.getShape());
  }

  /** {@code layer} (without bias), batch norm over its outputs, ReLU: one block of three. */
  private static Block withBatchNormAndRelu(Block layer) {
    return new SequentialBlock()
        .add(layer)
        .add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build())
        .add(Activation.reluBlock());
  }

  /**
   * A trained {@link #withBatchNormAndRelu} block as the layer, with the batch norm folded into its
   * weight and bias, followed by ReLU.
   */
  private static List<InferenceStep> foldBatchNormAndRelu(
      Block trained, NDManager weights, BiFunction<NDArray, NDArray, InferenceStep> layer) {
    List<Block> parts = new ArrayList<>(trained.getChildren().values());
    if (parts.size() != 3) {
      throw new IllegalArgumentException("expected a block of 3 parts, got " + parts.size());
    }
    FoldedBatchNorm norm = FoldedBatchNorm.of(parts.get(1), BATCH_NORM_EPSILON);
    return List.of(
        layer.apply(norm.scaledWeight(parts.get(0), weights), norm.shift(weights)),
        InferenceStep.Relu.INSTANCE);
  }
}
