package dev.digits.serving;

import dev.digits.model.Prediction;
import java.util.List;

/**
 * The outputs of a model in the Open Inference Protocol, one tensor each with a row per image. A
 * request may ask for some of them by name; the metadata endpoint lists them all.
 */
enum InferenceOutput {
  /** FP32 [N, 10]: each digit's probability. */
  PROBABILITIES("probabilities", "FP32", 10) {
    @Override
    Object data(List<Prediction> predictions) {
      float[] data = new float[predictions.size() * 10];
      for (int i = 0; i < predictions.size(); i++) {
        System.arraycopy(predictions.get(i).probabilities(), 0, data, i * 10, 10);
      }
      return data;
    }
  },

  /** INT64 [N]: the most probable digit. */
  DIGIT("digit", "INT64") {
    @Override
    Object data(List<Prediction> predictions) {
      return predictions.stream().mapToLong(Prediction::digit).toArray();
    }
  };

  private final String tensorName;
  private final String datatype;
  private final long[] shapePerImage;

  InferenceOutput(String tensorName, String datatype, long... shapePerImage) {
    this.tensorName = tensorName;
    this.datatype = datatype;
    this.shapePerImage = shapePerImage;
  }

  /** The flattened, row-major values for these predictions, an array of the datatype. */
  abstract Object data(List<Prediction> predictions);

  String tensorName() {
    return tensorName;
  }

  /** What the metadata endpoint says of this output: -1 for the number of images. */
  InferenceResponses.TensorMetadata metadata() {
    return new InferenceResponses.TensorMetadata(tensorName, datatype, shape(-1));
  }

  /** This output's tensor for these predictions. */
  InferenceResponses.OutputTensor tensor(List<Prediction> predictions) {
    return new InferenceResponses.OutputTensor(
        tensorName, datatype, shape(predictions.size()), data(predictions));
  }

  /**
   * The output of this name.
   *
   * @throws ApiException 400 when the model has no such output
   */
  static InferenceOutput named(String name) {
    for (InferenceOutput output : values()) {
      if (output.tensorName.equals(name)) {
        return output;
      }
    }
    throw ApiException.badRequest(
        "unknown_output", "The model has no output named '" + name + "'; it has " + names() + ".");
  }

  private static String names() {
    return String.join(", ", List.of(values()).stream().map(o -> o.tensorName).toList());
  }

  private long[] shape(long images) {
    long[] shape = new long[1 + shapePerImage.length];
    shape[0] = images;
    System.arraycopy(shapePerImage, 0, shape, 1, shapePerImage.length);
    return shape;
  }
}
