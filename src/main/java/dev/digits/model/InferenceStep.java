package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * One operation of a network that only answers: a PyTorch call or a few, on a batch of images.
 * Steps hold their weights and never change them, so one step serves concurrent passes.
 */
sealed interface InferenceStep {
  /** The output for a batch; it belongs to the input's manager. */
  NDArray apply(NDArray batch);

  /** A 2-D convolution with bias (batch norm folded in). */
  record Convolution(NDArray weight, NDArray bias, Shape stride, Shape padding)
      implements InferenceStep {

    /**
     * The convolution with its weight copied into channels-last memory order (output channel, row,
     * column, input channel), the same values under the same (out, in, rows, columns) shape.
     * PyTorch then runs the convolution channels-last, and its output is channels-last, so every
     * step after it is too. oneDNN computes on such activations as they are; for the usual order it
     * reorders every input to its blocked layout and every output back, a large share of a small
     * network's pass (DECISIONS: "Convolution weights are held channels-last"). Equal up to float
     * rounding (the kernels sum in another order).
     */
    static Convolution channelsLast(
        NDArray weight, NDArray bias, Shape stride, Shape padding, NDManager manager) {
      Shape shape = weight.getShape();
      int outputs = (int) shape.get(0);
      int inputs = (int) shape.get(1);
      int taps = (int) (shape.get(2) * shape.get(3));
      float[] values = weight.toFloatArray();
      float[] reordered = new float[values.length];
      for (int out = 0; out < outputs; out++) {
        for (int in = 0; in < inputs; in++) {
          for (int tap = 0; tap < taps; tap++) {
            reordered[(out * taps + tap) * inputs + in] = values[(out * inputs + in) * taps + tap];
          }
        }
      }
      NDArray channelsLast =
          manager
              .create(reordered, new Shape(outputs, shape.get(2), shape.get(3), inputs))
              .transpose(0, 3, 1, 2);
      return new Convolution(channelsLast, bias, stride, padding);
    }

    @Override
    public NDArray apply(NDArray batch) {
      return Conv2d.conv2d(batch, weight, bias, stride, padding).head();
    }
  }

  /** {@code x · weightᵀ + bias} (batch norm folded in where there was one). */
  record Dense(NDArray weight, NDArray bias) implements InferenceStep {
    @Override
    public NDArray apply(NDArray batch) {
      return Linear.linear(batch, weight, bias).head();
    }
  }

  /** max(x, 0). */
  enum Relu implements InferenceStep {
    INSTANCE;

    @Override
    public NDArray apply(NDArray batch) {
      return Activation.relu(batch);
    }
  }

  /**
   * Max-pooling over size×size windows with stride size (incomplete windows at the edge dropped),
   * as element-wise maxima of strided views: first of the size rows of each window, then of the
   * size columns of what that leaves. PyTorch's own pooling kernel also computes the argmax of
   * every window, for a backward pass that never comes, at many times the cost of the views. Rows
   * first, because those views keep each row contiguous and their maximum halves the data before
   * the strided columns are read; the values are exactly those of all size² views at once.
   */
  record MaxPool(int size) implements InferenceStep {
    @Override
    public NDArray apply(NDArray batch) {
      Shape shape = batch.getShape();
      NDArray rows = maxOfStrides(batch, 2, shape.get(2) / size * size);
      return maxOfStrides(rows, 3, shape.get(3) / size * size);
    }

    /** The maximum of the size views of {@code batch} along {@code axis}, with stride size. */
    private NDArray maxOfStrides(NDArray batch, int axis, long length) {
      NDArray max = null;
      for (int offset = 0; offset < size; offset++) {
        NDArray view = batch.get(new NDIndex().addAllDim(axis).addSliceDim(offset, length, size));
        max = max == null ? view : max.maximum(view);
      }
      return max;
    }
  }

  /** The mean of each channel over its pixels: (N, C, H, W) to (N, C). */
  enum GlobalAveragePool implements InferenceStep {
    INSTANCE;

    @Override
    public NDArray apply(NDArray batch) {
      return batch.getNDArrayInternal().globalAvgPool();
    }
  }

  /** (N, ...) to (N, everything else). */
  enum Flatten implements InferenceStep {
    INSTANCE;

    @Override
    public NDArray apply(NDArray batch) {
      return batch.reshape(batch.getShape().get(0), -1);
    }
  }
}
