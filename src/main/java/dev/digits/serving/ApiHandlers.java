package dev.digits.serving;

import dev.digits.preprocessing.PreprocessingException;
import io.javalin.http.Context;

/** The API's handlers: each reads its request, asks a plain Java class, and writes JSON. */
final class ApiHandlers {
  private final LoadedModels models;
  private final Recognizer recognizer;
  private final PredictRequestReader requests;

  ApiHandlers(LoadedModels models, Recognizer recognizer, PredictRequestReader requests) {
    this.models = models;
    this.recognizer = recognizer;
    this.requests = requests;
  }

  void predict(Context ctx) throws PreprocessingException {
    ctx.json(ApiResponses.Predicted.of(recognize(requests.read(ctx))));
  }

  void legacyPredict(Context ctx) throws PreprocessingException {
    ctx.json(ApiResponses.LegacyPredicted.of(recognize(requests.readLegacy(ctx))));
  }

  void models(Context ctx) {
    ctx.json(ApiResponses.Models.of(models.require()));
  }

  void model(Context ctx) {
    ModelCatalog catalog = models.require();
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) {
      ctx.json(catalog.defaultModel().metadata());
    } else {
      ctx.json(
          catalog
              .find(name)
              .orElseThrow(() -> new UnknownModelException(name, catalog.names()))
              .metadata());
    }
  }

  void health(Context ctx) {
    ctx.json(ApiResponses.Health.OK);
  }

  void ready(Context ctx) {
    ctx.json(ApiResponses.Ready.of(models.require()));
  }

  private Recognizer.Recognition recognize(PredictRequest request) throws PreprocessingException {
    return recognizer.recognize(
        models.require(), request.image(), request.model(), request.includeInput());
  }
}
