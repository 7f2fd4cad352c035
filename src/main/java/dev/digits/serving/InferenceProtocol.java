package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Open Inference Protocol (KServe v2, Triton's REST API) beside the app's own API, so that the
 * model-serving tools an operator already runs can call this server: health, server and model
 * metadata, model readiness, and inference, with or without a model version in the path. Each model
 * has one version, "1". {@link DigitsServer} lists the routes.
 */
final class InferenceProtocol {
  /** Every path of the protocol starts here; {@link ErrorResponses} answers its errors its way. */
  static final String PREFIX = "/v2";

  static final String VERSION = "1";

  private static final String PLATFORM = "pytorch";

  private final LoadedModels models;
  private final DigitPreprocessor preprocessor;
  private final InferenceRequestReader requests;
  private final long maxBodyBytes;

  InferenceProtocol(
      LoadedModels models,
      DigitPreprocessor preprocessor,
      InferenceRequestReader requests,
      long maxBodyBytes) {
    this.models = models;
    this.preprocessor = preprocessor;
    this.requests = requests;
    this.maxBodyBytes = maxBodyBytes;
  }

  void serverLive(Context ctx) {
    ctx.json(new InferenceResponses.Live(true));
  }

  void serverMetadata(Context ctx) {
    String version = InferenceProtocol.class.getPackage().getImplementationVersion();
    ctx.json(
        new InferenceResponses.ServerMetadata(
            "digits", version == null ? "development" : version, List.of()));
  }

  /** 200 once the default model can answer; the protocol says 4xx otherwise. */
  void serverReady(Context ctx) {
    boolean ready = models.isReady();
    ctx.status(ready ? 200 : 400).json(new InferenceResponses.Ready(ready));
  }

  void modelReady(Context ctx) {
    String name = ctx.pathParam("name");
    requireVersion(ctx);
    boolean ready = models.isLoaded(name);
    if (!ready && models.complete()) {
      throw new UnknownModelException(name, models.require().names());
    }
    // Not ready while it may still be loading: the protocol says 4xx.
    ctx.status(ready ? 200 : 400).json(new InferenceResponses.ModelReady(name, ready));
  }

  void modelMetadata(Context ctx) {
    DigitClassifier classifier = model(ctx);
    ctx.json(
        new InferenceResponses.ModelMetadata(
            classifier.metadata().name(),
            List.of(VERSION),
            PLATFORM,
            List.of(
                new InferenceResponses.TensorMetadata(
                    InferenceRequest.Pixels.NAME, "FP32", new long[] {-1, 1, 28, 28}),
                new InferenceResponses.TensorMetadata(
                    InferenceRequest.EncodedImages.NAME, "BYTES", new long[] {-1})),
            List.of(InferenceOutput.values()).stream().map(InferenceOutput::metadata).toList()));
  }

  void infer(Context ctx) throws PreprocessingException {
    RequestRecord record = RequestRecord.of(ctx);
    record.model(ctx.pathParam("name"));
    DigitClassifier classifier = model(ctx);
    InferenceRequest request = requests.read(BoundedBody.read(ctx.req(), maxBodyBytes));
    List<Prediction> predictions = classifier.classifyAll(request.input().pixels(preprocessor));
    record.answered(classifier.metadata().name(), summary(predictions));
    ctx.json(
        new InferenceResponses.InferResponse(
            classifier.metadata().name(),
            VERSION,
            request.id(),
            request.outputs().stream().map(output -> output.tensor(predictions)).toList()));
  }

  /** The model the path names, at a version it has. */
  private DigitClassifier model(Context ctx) {
    DigitClassifier classifier = models.classifier(ctx.pathParam("name"));
    requireVersion(ctx);
    return classifier;
  }

  private static void requireVersion(Context ctx) {
    String version = ctx.pathParamMap().get("version");
    if (version != null && !version.equals(VERSION)) {
      throw ApiException.notFound(
          "unknown_version",
          "Model '"
              + ctx.pathParam("name")
              + "' has no version '"
              + version
              + "'; it has version "
              + VERSION
              + ".");
    }
  }

  /** "7 (0.998)" for one image, "7,1,3" for several. */
  private static String summary(List<Prediction> predictions) {
    return predictions.size() == 1
        ? ApiHandlers.summary(predictions.get(0))
        : predictions.stream()
            .map(prediction -> Integer.toString(prediction.digit()))
            .collect(Collectors.joining(","));
  }
}
