package dev.digits.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.digits.model.Decision;
import dev.digits.model.DigitClassifier;
import dev.digits.model.ModelMetadata;
import dev.digits.model.Prediction;
import dev.digits.reading.NumberReading;
import dev.digits.reading.PixelBox;
import dev.digits.reading.ReadDigit;
import java.util.List;

/**
 * The JSON bodies the API answers with, one record each, in the shapes {@code openapi.json}
 * documents. Jackson writes records by their components, so a record here is the contract.
 */
final class ApiResponses {
  /** How many runners-up a prediction lists, the winner included. */
  static final int TOP = 3;

  private ApiResponses() {}

  /** The body of every error response. */
  record ErrorBody(String error, String detail) {}

  /**
   * {@code POST /api/predict}. {@code digit}, {@code confidence}, {@code top} and {@code
   * probabilities} are the best guess, declined or not; {@code accepted} and {@code reason} say
   * whether to trust it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Predicted(
      int digit,
      float confidence,
      boolean accepted,
      @JsonInclude(JsonInclude.Include.ALWAYS) String reason,
      List<Prediction.Ranked> top,
      float[] probabilities,
      ModelRef model,
      String input,
      Timings timings) {

    static Predicted of(Recognizer.Recognition recognition) {
      Prediction prediction = recognition.prediction();
      Decision decision = recognition.decision();
      return new Predicted(
          prediction.digit(),
          prediction.confidence(),
          decision.accepted(),
          decision.accepted() ? null : decision.reason().id(),
          prediction.top(TOP),
          prediction.probabilities(),
          ModelRef.of(recognition.model()),
          recognition.inputPng(),
          new Timings(recognition.preprocessMicros(), recognition.inferenceMicros()));
    }
  }

  /** {@code POST /api/read}: the number, its confidence and each digit, left to right. */
  record NumberRead(
      String number,
      double confidence,
      List<ReadDigitBody> digits,
      ModelRef model,
      Timings timings) {

    static NumberRead of(NumberReading reading, boolean includeInput) {
      return new NumberRead(
          reading.number(),
          reading.confidence(),
          reading.digits().stream().map(digit -> ReadDigitBody.of(digit, includeInput)).toList(),
          ModelRef.of(reading.model()),
          new Timings(reading.preprocessMicros(), reading.inferenceMicros()));
    }
  }

  /** One digit of {@link NumberRead}: as {@link Predicted}, plus where it is in the image. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReadDigitBody(
      int digit,
      float confidence,
      boolean accepted,
      @JsonInclude(JsonInclude.Include.ALWAYS) String reason,
      List<Prediction.Ranked> top,
      PixelBox box,
      String input) {

    static ReadDigitBody of(ReadDigit digit, boolean includeInput) {
      Decision decision = digit.decision();
      return new ReadDigitBody(
          digit.digit(),
          digit.confidence(),
          decision.accepted(),
          decision.accepted() ? null : decision.reason().id(),
          digit.prediction().top(TOP),
          digit.box(),
          includeInput ? digit.input().toPngDataUrl(Recognizer.INPUT_SCALE) : null);
    }
  }

  /** {@code POST /predict}: exactly the two fields the original service answered with. */
  record LegacyPredicted(int digit, float confidence) {
    static LegacyPredicted of(Recognizer.Recognition recognition) {
      return new LegacyPredicted(
          recognition.prediction().digit(), recognition.prediction().confidence());
    }
  }

  /** Which model answered; accuracies a model file does not record are null. */
  record ModelRef(String name, String architecture, Double testAccuracy) {
    static ModelRef of(ModelMetadata metadata) {
      return new ModelRef(
          metadata.name(), metadata.architecture(), metadata.metrics().testAccuracy());
    }
  }

  /** Where the time of one prediction went, in microseconds. */
  record Timings(long preprocessMicros, long inferenceMicros) {}

  /** {@code GET /api/models}. */
  record Models(@JsonProperty("default") String defaultModel, List<ModelSummary> models) {
    static Models of(ModelCatalog catalog) {
      return new Models(
          catalog.defaultName(),
          catalog.models().stream()
              .map(model -> ModelSummary.of(model, catalog.defaultName()))
              .toList());
    }
  }

  /** One model in the picker: enough to choose, not the whole training history. */
  record ModelSummary(
      String name,
      String description,
      String architecture,
      long parameterCount,
      String regularization,
      Double testAccuracy,
      Double validationAccuracy,
      String createdAt,
      boolean declines,
      @JsonProperty("default") boolean isDefault) {

    static ModelSummary of(DigitClassifier classifier, String defaultName) {
      ModelMetadata metadata = classifier.metadata();
      return new ModelSummary(
          metadata.name(),
          metadata.description(),
          metadata.architecture(),
          metadata.parameterCount(),
          metadata.training().regularization(),
          metadata.metrics().testAccuracy(),
          metadata.metrics().validationAccuracy(),
          metadata.createdAt(),
          metadata.declines(),
          metadata.name().equals(defaultName));
    }
  }

  /** {@code GET /healthz}. */
  record Health(String status) {
    static final Health OK = new Health("ok");
  }

  /**
   * {@code GET /readyz} once the default model is loaded; {@code loading} while others still are.
   */
  record Ready(String status, List<String> models, boolean loading) {
    static Ready of(ModelCatalog catalog, boolean complete) {
      return new Ready("ready", catalog.names(), !complete);
    }
  }
}
