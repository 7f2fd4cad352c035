package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;

/**
 * Batch norm in inference mode as a per-channel {@code scale · x + shift}, to be folded into the
 * layer before it: {@code scale = γ / √(var + ε)} and {@code shift = β − mean · scale}. Computed in
 * double precision, so the folded layer differs from the two separate ones only by float rounding.
 */
final class FoldedBatchNorm {
  private final double[] scale;
  private final double[] shift;

  private FoldedBatchNorm(double[] scale, double[] shift) {
    this.scale = scale;
    this.shift = shift;
  }

  /** The scale and shift of a trained DJL batch-norm block. */
  static FoldedBatchNorm of(Block batchNorm, float epsilon) {
    ParameterList parameters = batchNorm.getParameters();
    float[] gamma = values(parameters, "gamma");
    float[] beta = values(parameters, "beta");
    float[] mean = values(parameters, "runningMean");
    float[] variance = values(parameters, "runningVar");
    double[] scale = new double[gamma.length];
    double[] shift = new double[gamma.length];
    for (int c = 0; c < gamma.length; c++) {
      scale[c] = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
      shift[c] = beta[c] - mean[c] * scale[c];
    }
    return new FoldedBatchNorm(scale, shift);
  }

  /**
   * The weight of {@code layer} (a convolution or dense layer without bias, whose first dimension
   * is the output channel) with each output channel multiplied by its scale.
   */
  NDArray scaledWeight(Block layer, NDManager manager) {
    NDArray weight = layer.getParameters().get("weight").getArray();
    float[] values = weight.toFloatArray();
    int channels = scale.length;
    if (weight.getShape().get(0) != channels) {
      throw new IllegalArgumentException(
          "weight has " + weight.getShape().get(0) + " output channels, batch norm " + channels);
    }
    int perChannel = values.length / channels;
    for (int c = 0; c < channels; c++) {
      for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
        values[i] = (float) (values[i] * scale[c]);
      }
    }
    return manager.create(values, weight.getShape());
  }

  /** The shift, as the folded layer's bias. */
  NDArray shift(NDManager manager) {
    float[] bias = new float[shift.length];
    for (int c = 0; c < bias.length; c++) {
      bias[c] = (float) shift[c];
    }
    return manager.create(bias);
  }

  private static float[] values(ParameterList parameters, String name) {
    return parameters.get(name).getArray().toFloatArray();
  }
}
