package dev.digits.serving;

import dev.digits.model.Decision;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.reading.NumberReader;
import dev.digits.reading.NumberReading;
import io.javalin.http.Context;
import java.util.Locale;

/** The API's handlers: each reads its request, asks a plain Java class, and writes JSON. */
final class ApiHandlers {
  private final LoadedModels models;
  private final Recognizer recognizer;
  private final NumberReader numbers;
  private final PredictRequestReader requests;
  private final ServerMetrics metrics;

  ApiHandlers(
      LoadedModels models,
      Recognizer recognizer,
      NumberReader numbers,
      PredictRequestReader requests,
      ServerMetrics metrics) {
    this.models = models;
    this.recognizer = recognizer;
    this.numbers = numbers;
    this.requests = requests;
    this.metrics = metrics;
  }

  void predict(Context ctx) throws PreprocessingException {
    ctx.json(ApiResponses.Predicted.of(recognize(ctx, requests.read(ctx))));
  }

  void read(Context ctx) throws PreprocessingException {
    PredictRequest request = requests.read(ctx);
    RequestRecord record = RequestRecord.of(ctx);
    record.model(request.model());
    DigitClassifier classifier = models.classifier(request.model());
    record.model(classifier.metadata().name());
    NumberReading reading = numbers.read(classifier, request.image()::ink);
    reading.digits().forEach(digit -> metrics.decided(digit.decision()));
    record.answered(reading.model().name(), '"' + reading.number() + '"');
    ctx.json(ApiResponses.NumberRead.of(reading, request.includeInput()));
  }

  void legacyPredict(Context ctx) throws PreprocessingException {
    ctx.json(ApiResponses.LegacyPredicted.of(recognize(ctx, requests.readLegacy(ctx))));
  }

  void models(Context ctx) {
    ctx.json(ApiResponses.Models.of(models.require()));
  }

  void model(Context ctx) {
    ctx.json(models.classifier(ctx.queryParam("name")).metadata());
  }

  void health(Context ctx) {
    ctx.json(ApiResponses.Health.OK);
  }

  void ready(Context ctx) {
    ctx.json(ApiResponses.Ready.of(models.require(), models.complete()));
  }

  private Recognizer.Recognition recognize(Context ctx, PredictRequest request)
      throws PreprocessingException {
    RequestRecord record = RequestRecord.of(ctx);
    record.model(request.model());
    DigitClassifier classifier = models.classifier(request.model());
    record.model(classifier.metadata().name());
    Recognizer.Recognition recognition =
        recognizer.recognize(classifier, request.image(), request.includeInput());
    metrics.decided(recognition.decision());
    record.answered(
        recognition.model().name(), summary(recognition.prediction(), recognition.decision()));
    return recognition;
  }

  /** "7 (0.998)", or "unsure: 4 (0.512)" when declined: the answer as a log line shows it. */
  static String summary(Prediction prediction, Decision decision) {
    String digit =
        String.format(Locale.ROOT, "%d (%.3f)", prediction.digit(), prediction.confidence());
    return decision.accepted() ? digit : decision.reason().id() + ": " + digit;
  }
}
