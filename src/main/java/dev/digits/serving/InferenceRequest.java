package dev.digits.serving;

import dev.digits.model.InkExtent;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks of {@code POST /v2/models/{name}/infer}.
 *
 * @param id the request's id, echoed in the answer; null when it had none
 * @param input the images, as pixels or as files
 * @param outputs the outputs to answer with, in order
 */
record InferenceRequest(String id, Input input, List<InferenceOutput> outputs) {

  /** The images of a request, in one of the two forms the model takes. */
  sealed interface Input {
    /**
     * The model's input for each image, with how large its ink was where that is known.
     *
     * @throws PreprocessingException for the first image that cannot become one, saying which
     */
    List<Image> images(DigitPreprocessor preprocessor) throws PreprocessingException;
  }

  /**
   * One image as the model takes it.
   *
   * @param ink how large the ink was in the file sent; null for pixels sent as they are
   */
  record Image(float[] pixels, InkExtent ink) {}

  /**
   * The {@code FP32} input named {@code input}, of shape [N, 1, 28, 28]: pixel values 0 to 1, ink
   * bright, already centred as MNIST's digits are; the model reads them as they are.
   */
  record Pixels(List<float[]> images) implements Input {
    static final String NAME = "input";

    @Override
    public List<Image> images(DigitPreprocessor preprocessor) {
      return images.stream().map(pixels -> new Image(pixels, null)).toList();
    }
  }

  /**
   * The {@code BYTES} input named {@code image}, of shape [N]: base64 PNG or JPEG files (or data
   * URLs), preprocessed as {@code /api/predict} does.
   */
  record EncodedImages(List<String> base64) implements Input {
    static final String NAME = "image";

    @Override
    public List<Image> images(DigitPreprocessor preprocessor) throws PreprocessingException {
      List<Image> images = new ArrayList<>(base64.size());
      for (int i = 0; i < base64.size(); i++) {
        try {
          DigitImage image = preprocessor.fromBase64(base64.get(i));
          images.add(new Image(image.pixels(), Recognizer.inkExtent(image.diagnostics())));
        } catch (PreprocessingException e) {
          throw new PreprocessingException(
              e.reason(), "Image " + (i + 1) + " of " + base64.size() + ": " + e.getMessage());
        }
      }
      return images;
    }
  }
}
