package dev.digits.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.preprocessing.DigitPreprocessor;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web server: the drawing page, its assets, the prediction API, the API docs, the study report
 * and the probes.
 *
 * <p>{@link #configure} is the table of contents: every route is listed there, and each handler is
 * a few lines calling plain classes. Errors of every kind become JSON in {@link ErrorResponses}.
 */
public final class DigitsServer {
  private final ServerConfig config;
  private final LoadedModels models;
  private final Javalin app;

  /**
   * A server for models that are already loaded.
   *
   * @throws IllegalArgumentException when the configuration names a default model the catalog does
   *     not have
   */
  public DigitsServer(ServerConfig config, ModelCatalog catalog) {
    this(config, CompletableFuture.completedFuture(checkDefault(catalog, config.defaultModel())));
  }

  /**
   * A server that may start before its models are loaded: until {@code loading} completes, {@code
   * /readyz} and the API answer 503 while the page and {@code /healthz} already work.
   */
  public DigitsServer(ServerConfig config, CompletionStage<ModelCatalog> loading) {
    this.config = config;
    this.models = new LoadedModels(loading, config.defaultModel());
    this.app = Javalin.create(this::configure);
  }

  private void configure(JavalinConfig javalin) {
    ObjectMapper mapper = Json.newMapper();
    ApiHandlers api =
        new ApiHandlers(
            models,
            new Recognizer(new DigitPreprocessor(config.preprocessing())),
            new PredictRequestReader(mapper.getFactory(), config.maxRequestBytes()));

    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.jetty.host = config.host();
    javalin.jetty.port = config.port();
    javalin.jetty.threadPool = threadPool(config.maxThreads());
    javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    // A known path with the wrong method says so (405 and Allow) instead of "not found".
    javalin.http.prefer405over404 = true;
    // BoundedBody enforces the limit on every body this server reads; this only keeps Javalin's
    // own body readers, should a handler ever use them, to the same limit.
    javalin.http.maxRequestSize = config.maxRequestBytes();
    javalin.jsonMapper(new JavalinJackson(mapper, false));
    javalin.staticFiles.add(
        assets -> {
          assets.hostedPath = "/assets";
          assets.directory = "/web/assets";
          assets.location = Location.CLASSPATH;
          assets.headers = Map.of("Cache-Control", "no-cache");
        });

    javalin.routes.before(SecurityHeaders::apply);
    ErrorResponses.register(javalin.routes);

    // Every route of the server.
    javalin.routes.get("/", StaticPage.load("/web/index.html", "text/html; charset=utf-8"));
    javalin.routes.get("/docs", StaticPage.load("/web/docs.html", "text/html; charset=utf-8"));
    javalin.routes.get("/openapi.json", StaticPage.load("/web/openapi.json", "application/json"));
    StudyPage study = StudyPage.load(StudyPage.RESOURCE);
    javalin.routes.get("/study", study);
    // Javalin answers HEAD for any GET route with 200; the page's probe must see the 404 too.
    javalin.routes.head("/study", study);
    javalin.routes.post("/api/predict", api::predict);
    javalin.routes.get("/api/models", api::models);
    javalin.routes.get("/api/model", api::model);
    javalin.routes.post("/predict", api::legacyPredict);
    javalin.routes.get("/healthz", api::health);
    javalin.routes.get("/readyz", api::ready);
  }

  /** Starts listening; returns once the port is bound. */
  public DigitsServer start() {
    app.start();
    return this;
  }

  /**
   * Stops listening and waits for requests in progress. The models stay open: their catalog belongs
   * to the caller, who closes it.
   */
  public void stop() {
    app.stop();
  }

  /** The port the server listens on: the configured one, or the one picked for port 0. */
  public int port() {
    return app.port();
  }

  private static QueuedThreadPool threadPool(int maxThreads) {
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 8, 60_000);
    pool.setName("digits-http");
    return pool;
  }

  private static ModelCatalog checkDefault(ModelCatalog catalog, String defaultModel) {
    return defaultModel == null ? catalog : catalog.withDefault(defaultModel);
  }
}
