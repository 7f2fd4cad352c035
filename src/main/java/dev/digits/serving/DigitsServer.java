package dev.digits.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.preprocessing.DigitPreprocessor;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

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

  /** Jetty's server, known once Javalin has built it. */
  private Server jetty;

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
            new Recognizer(new DigitPreprocessor(config.preprocessing(), config.decoding())),
            new PredictRequestReader(mapper.getFactory(), config.maxRequestBytes()));

    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.jetty.host = config.host();
    javalin.jetty.port = config.port();
    javalin.jetty.threadPool = new RequestThreadPool(config.requestThreads());
    javalin.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JsonErrorHandler());
          // Tracks requests in progress for stopGracefully, and gathers bodies before a request
          // takes a thread; Javalin nests its handler inside the innermost.
          GracefulHandler graceful = new GracefulHandler();
          graceful.setHandler(
              new BodyPrefetchingHandler(config.maxRequestBytes(), config.maxArrivingBodyBytes()));
          server.setHandler(graceful);
          server.addBean(
              new ConnectionCap(
                  server, config.maxConnections(), ServerConfig.CROWDED_IDLE_TIMEOUT));
          jetty = server;
        });
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
    // Refuses a malformed Content-Type, or one naming an unknown charset, before any reader meets
    // it.
    javalin.routes.before(ctx -> MediaType.parse(ctx.header("Content-Type")));
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

  /**
   * Starts listening; returns once the port is bound.
   *
   * @throws UncheckedIOException wrapping a {@link BindException} when the address cannot be bound,
   *     most often because another process has the port
   */
  public DigitsServer start() {
    // Tried first so that a taken port is one clear exception, not also Javalin's error log line.
    requireBindable();
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw cannotListen(e.getCause() != null ? e.getCause() : e);
    }
    return this;
  }

  /**
   * Stops at once; requests in progress are cut off. The models stay open: their catalog belongs to
   * the caller, who closes it.
   */
  public void stop() {
    app.stop();
  }

  /**
   * Stops taking connections, lets requests in progress finish for up to {@code grace}, then stops.
   * An idle keep-alive connection (a browser keeps one) holds this up by about a second. The models
   * stay open, as with {@link #stop()}.
   */
  public void stopGracefully(Duration grace) {
    if (jetty != null) {
      jetty.setStopTimeout(grace.toMillis());
    }
    app.stop();
  }

  /** The port the server listens on: the configured one, or the one picked for port 0. */
  public int port() {
    return app.port();
  }

  private void requireBindable() {
    if (config.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      // As Jetty binds: a port whose last connections linger in TIME_WAIT is free to take.
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(config.host(), config.port()));
    } catch (IOException e) {
      throw cannotListen(e);
    }
  }

  private UncheckedIOException cannotListen(Throwable failure) {
    BindException bind =
        new BindException(
            "cannot listen on "
                + config.host()
                + ":"
                + config.port()
                + ": "
                + failure.getMessage());
    bind.initCause(failure);
    return new UncheckedIOException(bind);
  }

  private static ModelCatalog checkDefault(ModelCatalog catalog, String defaultModel) {
    return defaultModel == null ? catalog : catalog.withDefault(defaultModel);
  }
}
