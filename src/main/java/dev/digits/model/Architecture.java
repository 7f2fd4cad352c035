package dev.digits.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The model zoo: named network architectures for 1×28×28 inputs and 10 output logits.
 *
 * <p>Weights of convolutions and dense layers have DJL's {@link Parameter.Type#WEIGHT}; the L1 and
 * L2 penalties apply to exactly those (not to biases or batch-norm parameters).
 */
public enum Architecture {
  /**
   * The project's default, chosen for accuracy per CPU-second: two 3×3 convolutions at each of the
   * 28×28 and 14×14 resolutions, each pair followed by max-pooling, one more at 7×7, all with batch
   * norm; global average pooling, dropout and a single dense layer. About 140k parameters.
   */
  DIGITS_CNN(
      "digits-cnn",
      "conv 32-32, pool, conv 64-64, pool, conv 128, with batch norm; global average pooling,"
          + " dropout 0.2") {
    @Override
    public Block newBlock() {
      return new SequentialBlock()
          .add(convBnRelu(32, 3, 1, 1))
          .add(convBnRelu(32, 3, 1, 1))
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(convBnRelu(64, 3, 1, 1))
          .add(convBnRelu(64, 3, 1, 1))
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(convBnRelu(128, 3, 1, 1))
          .add(Pool.globalAvgPool2dBlock())
          .add(Dropout.builder().optRate(0.2f).build())
          .add(Linear.builder().setUnits(10).build());
    }
  },

  /**
   * The first seed's network: conv 32 and 64 with batch norm and max-pool, dense 256 and 128 with
   * batch norm and dropout 0.5. About 465k parameters, most in the first dense layer.
   */
  SEED_CNN(
      "seed-cnn",
      "conv 32 + conv 64 with batch norm and max-pool, dense 256 and 128 with dropout 0.5") {
    @Override
    public Block newBlock() {
      return new SequentialBlock()
          .add(convBnRelu(32, 3, 1, 0))
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(convBnRelu(64, 3, 1, 0))
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(Blocks.batchFlattenBlock())
          .add(denseBnRelu(256))
          .add(Dropout.builder().optRate(0.5f).build())
          .add(denseBnRelu(128))
          .add(Dropout.builder().optRate(0.5f).build())
          .add(Linear.builder().setUnits(10).build());
    }
  },

  /**
   * A compact network like the second seed's: seven small 3×3 convolutions with batch norm and
   * light dropout, one max-pool, global average pooling. Under 20k parameters.
   */
  GAP_CNN(
      "gap-cnn",
      "7 small conv layers (8-16-16, pool, 16-16-16-32) with batch norm, global average pooling") {
    @Override
    public Block newBlock() {
      return new SequentialBlock()
          .add(convBnRelu(8, 3, 1, 0))
          .add(convBnRelu(16, 3, 1, 0))
          .add(convBnRelu(16, 3, 1, 0))
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(Dropout.builder().optRate(0.05f).build())
          .add(convBnRelu(16, 3, 1, 0))
          .add(convBnRelu(16, 3, 1, 0))
          .add(convBnRelu(16, 3, 1, 0))
          .add(convBnRelu(32, 3, 1, 0))
          .add(Pool.globalAvgPool2dBlock())
          .add(Linear.builder().setUnits(10).build());
    }
  };

  /** The architecture new models use unless told otherwise. */
  public static final Architecture DEFAULT = DIGITS_CNN;

  /** The input shape of one image: batch 1, one channel, 28×28. */
  public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);

  private final String id;
  private final String summary;

  Architecture(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** A new, uninitialized network of this architecture. */
  public abstract Block newBlock();

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

  private static Block convBnRelu(int filters, int kernel, int stride, int padding) {
    return new SequentialBlock()
        .add(
            Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                .build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }

  private static Block denseBnRelu(int units) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(units).optBias(false).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock());
  }
}
