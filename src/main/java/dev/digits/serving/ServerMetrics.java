package dev.digits.serving;

import dev.digits.model.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.jetty12.server.DefaultJettyCoreRequestTagsProvider;
import io.micrometer.jetty12.server.JettyCoreRequestTagsProvider;
import io.micrometer.jetty12.server.TimedHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The server's metrics, in Prometheus' text format at {@code GET /metrics}: HTTP requests by route,
 * the inference queue and forward passes of each model, errors by code, model load times, the
 * memory budgets, and the JVM's and Jetty's own. docs/OPERATING.md lists every metric.
 *
 * <p>Names follow Prometheus' conventions through Micrometer's: {@code digits.inference.forward}, a
 * timer, is scraped as {@code digits_inference_forward_seconds}. Latencies are histograms with a
 * dozen fixed buckets, enough for percentiles in PromQL without thousands of series.
 */
public final class ServerMetrics implements AutoCloseable {
  private static final String HTTP_REQUESTS = "http.server.requests";

  /** From a canvas answered at once to a request that waited out the decoding budget. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, Double> loadSeconds = new ConcurrentHashMap<>();

  /** One counter per reason, all there from the start, so that a rate of zero is a series too. */
  private final Map<Decision.Reason, Counter> declines = new EnumMap<>(Decision.Reason.class);

  public ServerMetrics() {
    registry
        .config()
        // The Jetty handler also times handle() calls alone, before the status is known: noise
        // beside the timer of whole requests.
        .meterFilter(MeterFilter.denyNameStartsWith("jetty.server.handling"))
        // It names its timer of whole requests after Jetty; dashboards expect the HTTP name.
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("jetty.server.requests")
                    ? id.withName(HTTP_REQUESTS)
                    : id;
              }

              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals(HTTP_REQUESTS)
                    ? DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos(LATENCY_BUCKETS))
                        .build()
                        .merge(config)
                    : config;
              }
            });
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    for (Decision.Reason reason : Decision.Reason.values()) {
      declines.put(
          reason,
          Counter.builder("digits.declines")
              .description("Predictions declined rather than given as the answer, by reason")
              .tag("reason", reason.id())
              .register(registry));
    }
  }

  /** What a model's {@link BatchingClassifier} reports, as that model's metrics. */
  public InferenceObserver inference(String model) {
    Counter requests =
        Counter.builder("digits.inference.requests")
            .description("Images sent to the model, one per image")
            .tag("model", model)
            .register(registry);
    Timer queueWait =
        Timer.builder("digits.inference.queue.wait")
            .description("Time an image waited for its forward pass")
            .tag("model", model)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    Timer forward =
        Timer.builder("digits.inference.forward")
            .description("Time of one forward pass, whatever its batch size")
            .tag("model", model)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    DistributionSummary batchSize =
        DistributionSummary.builder("digits.inference.batch.size")
            .description("Images in one forward pass")
            .tag("model", model)
            .serviceLevelObjectives(1, 2, 4, 8, 16)
            .register(registry);
    return new InferenceObserver() {
      @Override
      public void waited(long nanos) {
        requests.increment();
        queueWait.record(nanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void forwardPass(int images, long nanos) {
        forward.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(images);
      }
    };
  }

  /** How long loading a model took, from reading its file to its first answer being possible. */
  public void modelLoaded(String model, Duration took) {
    loadSeconds.put(model, took.toNanos() / 1e9);
    TimeGauge.builder(
            "digits.model.load",
            loadSeconds,
            TimeUnit.SECONDS,
            seconds -> seconds.getOrDefault(model, Double.NaN))
        .description("Time it took to load the model")
        .tag("model", model)
        .register(registry);
  }

  /** Counts a decision about a prediction: the declines, by reason. */
  void decided(Decision decision) {
    if (!decision.accepted()) {
      declines.get(decision.reason()).increment();
    }
  }

  /** Counts one answered request: its error code, if it is an error. */
  void completed(CompletedRequest request) {
    if (request.error() != null) {
      Counter.builder("digits.errors")
          .description("Error responses by their code")
          .tags("code", request.error(), "status", Integer.toString(request.status()))
          .register(registry)
          .increment();
    }
  }

  /** Watches the memory the server budgets: images being decoded, bodies still arriving. */
  void memoryBudgets(long decodingBytes, LongSupplier decodingReserved, LongSupplier arriving) {
    Gauge.builder("digits.decoding.budget", () -> decodingBytes)
        .description("Memory the images being preprocessed at once may hold")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("digits.decoding.reserved", decodingReserved::getAsLong)
        .description("Memory reserved by the images being preprocessed now")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("digits.arriving.bodies", arriving::getAsLong)
        .description("Bytes of request bodies still arriving")
        .baseUnit("bytes")
        .register(registry);
  }

  /**
   * The handler that times every request as {@code http_server_requests_seconds}, by method,
   * status, outcome and route.
   */
  TimedHandler timedHandler() {
    JettyCoreRequestTagsProvider defaults = new DefaultJettyCoreRequestTagsProvider();
    return new TimedHandler(
        registry,
        Tags.empty(),
        request ->
            Tags.concat(
                defaults.getTags(request),
                "uri",
                RequestRecord.routeLabel(RequestRecord.of(request))));
  }

  /** Jetty's request threads. */
  void bindThreads(ThreadPool threads) {
    new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
  }

  /** The connections of a started server's connectors. */
  void bindConnections(Server server) {
    JettyConnectionMetrics.addToAllConnectors(server, registry);
  }

  /** Everything, in Prometheus' text format. */
  String scrape() {
    return registry.scrape();
  }

  MeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private static double[] nanos(Duration[] durations) {
    double[] nanos = new double[durations.length];
    for (int i = 0; i < durations.length; i++) {
      nanos[i] = durations[i].toNanos();
    }
    return nanos;
  }
}
