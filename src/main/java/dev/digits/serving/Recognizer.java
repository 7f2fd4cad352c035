package dev.digits.serving;

import dev.digits.model.Decision;
import dev.digits.model.DecisionRule;
import dev.digits.model.DigitClassifier;
import dev.digits.model.InkExtent;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.Diagnostics;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;

/**
 * Recognizes the digit in an image: preprocessing, then one model, both timed, then the model's
 * {@link DecisionRule} on whether to trust the answer. Knows nothing of HTTP, so it can be called
 * from anywhere.
 */
final class Recognizer {
  /** The 28×28 input is sent back 4× enlarged, readable even where CSS cannot keep pixels crisp. */
  static final int INPUT_SCALE = 4;

  private final DigitPreprocessor preprocessor;

  Recognizer(DigitPreprocessor preprocessor) {
    this.preprocessor = preprocessor;
  }

  /**
   * What the classifier sees in the image.
   *
   * @throws PreprocessingException when the image is unreadable, too large or has no ink
   */
  Recognition recognize(DigitClassifier classifier, ImageInput image, boolean includeInput)
      throws PreprocessingException {
    long start = System.nanoTime();
    DigitImage input = image.preprocess(preprocessor);
    long preprocessed = System.nanoTime();
    Prediction prediction = classifier.classify(input.pixels());
    long inferred = System.nanoTime();
    return new Recognition(
        prediction,
        DecisionRule.of(classifier.metadata()).decide(prediction, inkExtent(input.diagnostics())),
        classifier.metadata(),
        includeInput ? input.toPngDataUrl(INPUT_SCALE) : null,
        (preprocessed - start) / 1_000,
        (inferred - preprocessed) / 1_000);
  }

  /** How large the ink was in the uploaded image, for the decision's "too small". */
  static InkExtent inkExtent(Diagnostics diagnostics) {
    return new InkExtent(diagnostics.inkLongerSide(), diagnostics.sourceShorterSide());
  }

  /**
   * One answer.
   *
   * @param prediction the model's probabilities
   * @param decision whether the prediction is given as the answer, or declined and why
   * @param model the model that answered
   * @param inputPng the model's input as an enlarged PNG data URL, or null when not asked for
   * @param preprocessMicros time spent decoding and preprocessing
   * @param inferenceMicros time spent in the model
   */
  record Recognition(
      Prediction prediction,
      Decision decision,
      ModelMetadata model,
      String inputPng,
      long preprocessMicros,
      long inferenceMicros) {}
}
