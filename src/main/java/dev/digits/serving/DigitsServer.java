package dev.digits.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.io.Json;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.reading.NumberReader;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinBindException;
import io.micrometer.jetty12.server.TimedHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
  /** Prometheus' text exposition format. */
  private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerConfig config;
  private final LoadedModels models;

  /**
   * Made on first use: its classes take a while to load, which a model loader need not wait for.
   */
  private ServerMetrics metrics;

  /** Javalin, built when the server starts: building it takes a while, which loading can use. */
  private Javalin app;

  /** Jetty's server, known once Javalin has built it. */
  private Server jetty;

  private BodyPrefetchingHandler bodies;

  /**
   * A server without models yet: until {@link #serveWhileLoading} or {@link #serve} hands it some,
   * {@code /readyz} and the API answer 503 while the page and {@code /healthz} already work.
   */
  public DigitsServer(ServerConfig config) {
    this.config = config;
    this.models = new LoadedModels(config.defaultModel());
  }

  /**
   * A server for models that are already loaded.
   *
   * @throws IllegalArgumentException when the configuration names a default model the catalog does
   *     not have
   */
  public DigitsServer(ServerConfig config, ModelCatalog catalog) {
    this(config);
    serve(catalog);
  }

  /** A server whose models all arrive when {@code loading} completes. */
  public DigitsServer(ServerConfig config, CompletionStage<ModelCatalog> loading) {
    this(config);
    loading.whenComplete(
        (catalog, failure) -> {
          if (failure == null) {
            serve(catalog);
          } else {
            models.failed(failure);
          }
        });
  }

  /**
   * Serves these models, and the server is ready, while more are still loading: a request for one
   * of those gets 503 until a later catalog brings it.
   *
   * @throws IllegalArgumentException when the catalog lacks the configured default model
   */
  public void serveWhileLoading(ModelCatalog catalog) {
    models.serve(catalog, false);
  }

  /**
   * Serves these models, all there will be.
   *
   * @throws IllegalArgumentException when the catalog lacks the configured default model
   */
  public void serve(ModelCatalog catalog) {
    models.serve(catalog, true);
  }

  /** The server's metrics, which the code loading its models reports to as well. */
  public synchronized ServerMetrics metrics() {
    if (metrics == null) {
      metrics = new ServerMetrics();
    }
    return metrics;
  }

  private void configure(JavalinConfig javalin) {
    ObjectMapper mapper = Json.responses();
    DigitPreprocessor preprocessor =
        new DigitPreprocessor(config.preprocessing(), config.decoding(), config.pngDecoder());
    ApiHandlers api =
        new ApiHandlers(
            models,
            new Recognizer(preprocessor),
            new NumberReader(preprocessor),
            new PredictRequestReader(mapper.getFactory(), config.maxRequestBytes()),
            metrics());
    InferenceProtocol v2 =
        new InferenceProtocol(
            models,
            preprocessor,
            new InferenceRequestReader(mapper.getFactory()),
            config.maxRequestBytes(),
            metrics());
    bodies = new BodyPrefetchingHandler(config.maxRequestBytes(), config.maxArrivingBodyBytes());
    RequestThreadPool threads = new RequestThreadPool(config.requestThreads());

    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.jetty.host = config.host();
    javalin.jetty.port = config.port();
    javalin.jetty.threadPool = threads;
    metrics().bindThreads(threads);
    javalin.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JsonErrorHandler());
          // Outermost first: the request's id and record, its timing, then tracking requests in
          // progress for stopGracefully, then gathering bodies before a request takes a thread.
          // Javalin nests its handler inside the innermost.
          RequestTracking tracking = new RequestTracking();
          TimedHandler timed = metrics().timedHandler();
          GracefulHandler graceful = new GracefulHandler();
          tracking.setHandler(timed);
          timed.setHandler(graceful);
          graceful.setHandler(bodies);
          server.setHandler(tracking);
          server.setRequestLog(
              new CompletedRequests(metrics(), config.logFormat(), config.logOutput()));
          server.addBean(
              new ConnectionCap(
                  server, config.maxConnections(), ServerConfig.CROWDED_IDLE_TIMEOUT));
          jetty = server;
        });
    metrics()
        .memoryBudgets(
            config.decoding().bytes(), config.decoding()::reservedBytes, bodies::arrivingBytes);
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
    javalin.requestLogger.http((ctx, millis) -> RequestRecord.of(ctx).route(routeOf(ctx)));

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
    javalin.routes.post("/api/read", api::read);
    javalin.routes.get("/api/models", api::models);
    javalin.routes.get("/api/model", api::model);
    javalin.routes.post("/predict", api::legacyPredict);
    javalin.routes.get("/healthz", api::health);
    javalin.routes.get("/readyz", api::ready);
    ServerMetrics scraped = metrics();
    javalin.routes.get("/metrics", ctx -> ctx.contentType(METRICS_TYPE).result(scraped.scrape()));
    // The Open Inference Protocol (KServe v2), each model route also with /versions/{version}.
    javalin.routes.get("/v2", v2::serverMetadata);
    javalin.routes.get("/v2/health/live", v2::serverLive);
    javalin.routes.get("/v2/health/ready", v2::serverReady);
    for (String model : List.of("/v2/models/{name}", "/v2/models/{name}/versions/{version}")) {
      javalin.routes.get(model, v2::modelMetadata);
      javalin.routes.get(model + "/ready", v2::modelReady);
      javalin.routes.post(model + "/infer", v2::infer);
    }
  }

  /**
   * The route template that answered, for metrics and logs; see {@link RequestRecord#routeLabel}.
   */
  private static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    if (ctx.statusCode() == 404) {
      return "NOT_FOUND";
    }
    return ctx.path().startsWith("/assets/") ? "/assets/*" : null;
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
    app = Javalin.create(this::configure);
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw cannotListen(e.getCause() != null ? e.getCause() : e);
    }
    metrics().bindConnections(jetty);
    return this;
  }

  /**
   * Stops at once; requests in progress are cut off. The models stay open: their catalog belongs to
   * the caller, who closes it.
   */
  public void stop() {
    if (app != null) {
      app.stop();
    }
    synchronized (this) {
      if (metrics != null) {
        metrics.close();
      }
    }
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
    stop();
  }

  /** The bytes that bodies still arriving hold: for tests, which must not guess. */
  long arrivingBodyBytes() {
    return bodies == null ? 0 : bodies.arrivingBytes();
  }

  /** The idle timeouts of the connections open at this moment: for tests, which must not guess. */
  List<Duration> openConnectionIdleTimeouts() {
    return jetty == null
        ? List.of()
        : Arrays.stream(jetty.getConnectors())
            .flatMap(connector -> connector.getConnectedEndPoints().stream())
            .map(endPoint -> Duration.ofMillis(endPoint.getIdleTimeout()))
            .toList();
  }

  /** Whether a stop has begun and not yet ended: for tests, which must not guess. */
  boolean isStopping() {
    return jetty != null && jetty.isStopping();
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
}
