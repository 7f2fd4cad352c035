package dev.digits.serving;

import dev.digits.model.Decision;
import dev.digits.model.DecisionRule;
import dev.digits.model.DigitClassifier;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import io.javalin.http.Context;
import java.util.ArrayList;
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
  private final ServerMetrics metrics;
  private final InferenceRequestReader requests;
  private final long maxBodyBytes;

  InferenceProtocol(
      LoadedModels models,
      DigitPreprocessor preprocessor,
      InferenceRequestReader requests,
      long maxBodyBytes,
      ServerMetrics metrics) {
    this.models = models;
    this.preprocessor = preprocessor;
    this.metrics = metrics;
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
    List<InferenceRequest.Image> images = request.input().images(preprocessor);
    List<Prediction> predictions =
        classifier.classifyAll(images.stream().map(InferenceRequest.Image::pixels).toList());
    DecisionRule rule = DecisionRule.of(classifier.metadata());
    List<InferenceOutput.Answer> answers = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      Decision decision = rule.decide(predictions.get(i), images.get(i).ink());
      metrics.decided(decision);
      answers.add(new InferenceOutput.Answer(predictions.get(i), decision));
    }
    record.answered(classifier.metadata().name(), summary(answers));
    ctx.json(
        new InferenceResponses.InferResponse(
            classifier.metadata().name(),
            VERSION,
            request.id(),
            request.outputs().stream().map(output -> output.tensor(answers)).toList()));
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

  /** "7 (0.998)" for one image, "7,1,not_a_digit" for several. */
  private static String summary(List<InferenceOutput.Answer> answers) {
    return answers.size() == 1
        ? ApiHandlers.summary(answers.get(0).prediction(), answers.get(0).decision())
        : answers.stream()
            .map(
                answer ->
                    answer.decision().accepted()
                        ? Integer.toString(answer.prediction().digit())
                        : answer.decision().reason().id())
            .collect(Collectors.joining(","));
  }
}
