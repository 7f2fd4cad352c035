package dev.digits.cli;

import dev.digits.benchmark.CanvasDrawings;
import dev.digits.benchmark.HttpTarget;
import dev.digits.benchmark.LevelResult;
import dev.digits.benchmark.LoadGenerator;
import dev.digits.benchmark.Processor;
import dev.digits.benchmark.RequestFormat;
import dev.digits.benchmark.ServerCpu;
import dev.digits.io.Json;
import dev.digits.model.DjlEnvironment;
import dev.digits.serving.DigitsServer;
import dev.digits.serving.ModelCatalog;
import dev.digits.serving.ServerConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code digits benchmark http}: requests per second and latency of {@code POST /api/predict} under
 * concurrent clients sending canvas drawings, against a running server or one started in-process.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test POST /api/predict with canvas drawings: requests/s, latency percentiles, errors"
          + " and CPU per request, at several numbers of concurrent clients.",
      "Without --url, starts a server in this process on a free loopback port."
    })
final class HttpBenchmarkCommand implements Callable<Integer> {
  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "A running server, e.g. http://localhost:8080 (requests go to /api/predict) or the full"
              + " URL of an endpoint. Default: a server started in this process.")
  String url;

  @Option(
      names = "--server-pid",
      paramLabel = "PID",
      description = "With --url: the server's process id, to report its CPU time per request.")
  Long serverPid;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "default",
      description =
          "Without --url: the model file or bundled model the server uses. Default:"
              + " ${DEFAULT-VALUE}.")
  String model;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description = "Without --url: PyTorch threads per forward pass. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(
      names = "--clients",
      paramLabel = "N",
      split = ",",
      defaultValue = "1,4,16,64",
      description = "Concurrent clients, one level each. Default: ${DEFAULT-VALUE}.")
  List<Integer> clients;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Measured seconds per level. Default: ${DEFAULT-VALUE}.")
  double duration;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description = "Unmeasured seconds before each level. Default: ${DEFAULT-VALUE}.")
  double warmup;

  @Option(
      names = "--server-warmup",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Unmeasured seconds of load, at the largest number of clients, before the first level:"
              + " the JVM compiles a server's hot code during its first half-minute of load."
              + " Default: ${DEFAULT-VALUE}.")
  double serverWarmup;

  @Option(
      names = "--drawings",
      paramLabel = "N",
      defaultValue = "50",
      description = "Different drawings to send in turn. Default: ${DEFAULT-VALUE}.")
  int drawings;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "png",
      description =
          "png: the PNG as the body, as the drawing page sends it; json: a data URL in JSON, as"
              + " clients of the original API send it. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--background",
      paramLabel = "BACKGROUND",
      defaultValue = "white",
      description =
          "What the drawings' PNGs hold where nothing was drawn: white, as the drawing page fills"
              + " it, or transparent, as a canvas exports unfilled. Default: ${DEFAULT-VALUE}.")
  String background;

  @Option(
      names = "--include-input",
      description = "Ask for the model's input image back with each answer, as the page does.")
  boolean includeInput;

  @Option(names = "--json", description = "Print the results as JSON instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    RequestFormat requestFormat = requestFormat();
    List<CanvasDrawings.Drawing> sample = CanvasDrawings.generate(drawings, 1, background());
    PrintWriter out = spec.commandLine().getOut();
    if (url != null) {
      HttpTarget target = HttpTarget.parse(url);
      ServerCpu cpu = serverPid == null ? null : ServerCpu.ofProcess(serverPid);
      report(out, measure(target, sample, requestFormat, cpu), target, "server at " + url, sample);
      return 0;
    }
    DjlEnvironment.configure(threads);
    List<String> models = ServedModels.resolve(List.of(model));
    DigitsServer server = new DigitsServer(ServerConfig.builder().address("127.0.0.1", 0).build());
    try (ModelCatalog catalog =
        ServedModels.load(models, null, threads, server.metrics(), partial -> {})) {
      server.serve(catalog);
      server.start();
      try {
        HttpTarget target = new HttpTarget("127.0.0.1", server.port(), HttpTarget.PREDICT_PATH);
        List<LevelResult> results =
            measure(target, sample, requestFormat, ServerCpu.inThisProcess());
        report(
            out,
            results,
            target,
            "in-process server, model "
                + catalog.defaultName()
                + ", "
                + threads
                + " PyTorch thread(s)",
            sample);
      } finally {
        server.stop();
      }
    }
    return 0;
  }

  private void validate() {
    if (clients.isEmpty() || clients.stream().anyMatch(n -> n < 1 || n > 4096)) {
      throw new IllegalArgumentException("--clients must be numbers from 1 to 4096");
    }
    if (!(duration > 0) || !(warmup >= 0) || !(serverWarmup >= 0)) {
      throw new IllegalArgumentException(
          "--duration must be > 0, --warmup and --server-warmup ≥ 0");
    }
    if (drawings < 1) {
      throw new IllegalArgumentException("--drawings must be ≥ 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be ≥ 1");
    }
    if (serverPid != null && url == null) {
      throw new IllegalArgumentException(
          "--server-pid goes with --url; an in-process server is measured anyway");
    }
  }

  private CanvasDrawings.Background background() {
    return switch (background.toLowerCase(Locale.ROOT)) {
      case "transparent" -> CanvasDrawings.Background.TRANSPARENT;
      case "white" -> CanvasDrawings.Background.WHITE;
      default ->
          throw new IllegalArgumentException(
              "--background is transparent or white, not " + background);
    };
  }

  private RequestFormat requestFormat() {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "png" -> RequestFormat.PNG;
      case "json" -> RequestFormat.JSON;
      default -> throw new IllegalArgumentException("--format is png or json, not " + format);
    };
  }

  private List<LevelResult> measure(
      HttpTarget target,
      List<CanvasDrawings.Drawing> sample,
      RequestFormat requestFormat,
      ServerCpu cpu)
      throws Exception {
    LoadGenerator generator = new LoadGenerator(target, sample, requestFormat, includeInput, cpu);
    generator.check(Duration.ofSeconds(60));
    if (serverWarmup > 0) {
      generator.run(Collections.max(clients), Duration.ZERO, seconds(serverWarmup));
    }
    List<LevelResult> results = new ArrayList<>();
    for (int level : clients) {
      LevelResult result = generator.run(level, seconds(warmup), seconds(duration));
      results.add(result);
      if (!json) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
            Locale.ROOT,
            "digits: %d clients: %.0f requests/s%n",
            level,
            result.requestsPerSecond());
        err.flush();
      }
    }
    return results;
  }

  private void report(
      PrintWriter out,
      List<LevelResult> results,
      HttpTarget target,
      String server,
      List<CanvasDrawings.Drawing> sample)
      throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    String processor = Processor.describe();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    double meanBytes = sample.stream().mapToInt(d -> d.png().length).average().orElse(0);
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("url", target.toString());
      report.put("server", server);
      report.put("format", format.toLowerCase(Locale.ROOT));
      report.put("includeInput", includeInput);
      report.put("drawings", sample.size());
      report.put("meanPngBytes", Math.round(meanBytes));
      report.put("background", background.toLowerCase(Locale.ROOT));
      report.put("serverWarmupSeconds", serverWarmup);
      report.put("warmupSeconds", warmup);
      report.put("cpus", cpus);
      report.put("processor", processor);
      report.put("loadAverage", load);
      report.put("levels", results);
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
      out.flush();
      return;
    }
    out.printf(
        Locale.ROOT,
        "POST %s (%s%s) with %d canvas drawings (%d×%d RGBA PNG, %s background, %.1f KB on"
            + " average)%n",
        target,
        requestFormat() == RequestFormat.PNG ? "image/png" : "JSON data URL",
        includeInput ? ", includeInput" : "",
        sample.size(),
        CanvasDrawings.SIDE,
        CanvasDrawings.SIDE,
        background.toLowerCase(Locale.ROOT),
        meanBytes / 1000);
    out.printf(
        Locale.ROOT,
        "%s; %d CPUs (%s), load average %.2f at the end; %.0f s of load first, then %.0f s per level"
            + " after %.0f s warm-up%n%n",
        server,
        cpus,
        processor,
        load,
        serverWarmup,
        duration,
        warmup);
    out.println(
        "clients   requests/s   p50 ms   p90 ms   p99 ms   max ms   errors   correct"
            + "   client µs/req   server µs/req");
    for (LevelResult r : results) {
      out.printf(
          Locale.ROOT,
          "%7d %12.1f %8.2f %8.2f %8.2f %8.2f %8d %8.1f%% %15.0f %15s%n",
          r.clients(),
          r.requestsPerSecond(),
          r.p50Millis(),
          r.p90Millis(),
          r.p99Millis(),
          r.maxMillis(),
          r.errors(),
          100 * r.correct(),
          r.clientCpuMicrosPerRequest(),
          r.serverCpuMicrosPerRequest() == null
              ? "n/a"
              : String.format(Locale.ROOT, "%.0f", r.serverCpuMicrosPerRequest()));
    }
    out.flush();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
