package dev.digits.serving;

import dev.digits.model.Decision;
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
    Object data(List<Answer> answers) {
      float[] data = new float[answers.size() * 10];
      for (int i = 0; i < answers.size(); i++) {
        System.arraycopy(answers.get(i).prediction().probabilities(), 0, data, i * 10, 10);
      }
      return data;
    }
  },

  /** INT64 [N]: the most probable digit, whether or not it is accepted. */
  DIGIT("digit", "INT64") {
    @Override
    Object data(List<Answer> answers) {
      return answers.stream().mapToLong(answer -> answer.prediction().digit()).toArray();
    }
  },

  /** BOOL [N]: whether the digit is given as the answer (issue 5's decision). */
  ACCEPTED("accepted", "BOOL") {
    @Override
    Object data(List<Answer> answers) {
      boolean[] data = new boolean[answers.size()];
      for (int i = 0; i < data.length; i++) {
        data[i] = answers.get(i).decision().accepted();
      }
      return data;
    }
  },

  /**
   * BYTES [N]: why a digit was declined ({@code not_a_digit}, {@code several_digits}, {@code
   * too_small}, {@code unsure}); empty where it was accepted, as a tensor holds no nulls.
   */
  REASON("reason", "BYTES") {
    @Override
    Object data(List<Answer> answers) {
      return answers.stream()
          .map(answer -> answer.decision().accepted() ? "" : answer.decision().reason().id())
          .toList();
    }
  };

  /** What the model said about one image, and whether to trust it. */
  record Answer(Prediction prediction, Decision decision) {}

  private final String tensorName;
  private final String datatype;
  private final long[] shapePerImage;

  InferenceOutput(String tensorName, String datatype, long... shapePerImage) {
    this.tensorName = tensorName;
    this.datatype = datatype;
    this.shapePerImage = shapePerImage;
  }

  /** The flattened, row-major values for these answers: an array or list of the datatype. */
  abstract Object data(List<Answer> answers);

  String tensorName() {
    return tensorName;
  }

  /** What the metadata endpoint says of this output: -1 for the number of images. */
  InferenceResponses.TensorMetadata metadata() {
    return new InferenceResponses.TensorMetadata(tensorName, datatype, shape(-1));
  }

  /** This output's tensor for these answers. */
  InferenceResponses.OutputTensor tensor(List<Answer> answers) {
    return new InferenceResponses.OutputTensor(
        tensorName, datatype, shape(answers.size()), data(answers));
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
