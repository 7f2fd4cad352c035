package dev.digits.cli;

import dev.digits.model.DjlEnvironment;
import dev.digits.preprocessing.PngDecoder;
import dev.digits.serving.DigitsServer;
import dev.digits.serving.LogFormat;
import dev.digits.serving.ModelCatalog;
import dev.digits.serving.NiceValue;
import dev.digits.serving.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code digits serve}: the drawing page and the prediction API over HTTP.
 *
 * <p>The port is bound first and the models load afterwards, so the page, {@code /healthz} and a
 * load balancer's first probes answer at once while {@code /readyz} and the API answer 503 until
 * the models are in. Ctrl-C or SIGTERM stops taking connections, lets requests in progress finish
 * and frees the models' native memory.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the drawing page and the prediction API over HTTP.",
      "Listens at once and loads the models in the meantime: /healthz answers from the start,"
          + " /readyz and the API once the models are loaded. Ctrl-C stops."
    })
final class ServeCommand implements Callable<Integer> {
  /** Longest wait on stopping for requests in progress; a prediction takes milliseconds. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  // All interfaces, as ServerConfig.defaults(): the page is made for drawing with a finger on a
  // phone or tablet on the same network, and the server has nothing to steal or break: it stores
  // nothing, changes nothing and bounds the size and pixels of every request. Where even that
  // exposure is unwanted, --host 127.0.0.1 keeps it to this machine.
  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "0.0.0.0",
      description =
          "Interface to listen on; 127.0.0.1 keeps the server to this machine. Default:"
              + " ${DEFAULT-VALUE} (all interfaces, so a phone on the same network can draw).")
  String host;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      split = ",",
      description =
          "A model file, or the name of a bundled model, to offer; repeat, or separate with"
              + " commas, to offer several. Default: every bundled model.")
  List<String> models;

  @Option(
      names = "--default-model",
      paramLabel = "NAME",
      description = "Name of the model for requests that name none. Default: the first model.")
  String defaultModel;

  @Option(
      names = "--max-request-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_REQUEST_BYTES,
      description =
          "Largest request body accepted (larger ones get 413). Default: ${DEFAULT-VALUE}.")
  long maxRequestBytes;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "PyTorch threads per forward pass. Default: ${DEFAULT-VALUE}: with many requests at once,"
              + " a core for each beats all cores for one.")
  int threads;

  @Option(
      names = "--max-server-threads",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_THREADS,
      description =
          "Most threads for connections and requests (at least 8). Default: ${DEFAULT-VALUE}.")
  int maxServerThreads;

  @Option(
      names = "--request-nice",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_REQUEST_NICE,
      description =
          "Run the request threads N steps down Linux's nice scale (0-19) from the inference"
              + " threads, so that forward passes, which every request waits for in turn, are not"
              + " preempted by them: more requests a second under load, a longer latency tail, and"
              + " request threads below other processes (docs/SERVING.md). Default:"
              + " ${DEFAULT-VALUE}.")
  int requestNice;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      description =
          "Most connections open at once; at the limit new ones wait to be accepted and idle ones"
              + " close after 2 s. Default: half the file descriptors this process may open.")
  Integer maxConnections;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "plain",
      description =
          "One line per request on standard output: plain (words, for a terminal), json (a JSON"
              + " object a line, for log collectors) or off. Default: ${DEFAULT-VALUE}.")
  LogFormat logFormat;

  @Option(
      names = "--png-decoder",
      paramLabel = "DECODER",
      defaultValue = "fast",
      description =
          "Which code decodes PNGs: fast (this project's inflater and decoder for the PNGs"
              + " canvases export, ImageIO for the rest) or imageio (ImageIO for all, at a higher"
              + " cost per request; docs/DECISIONS.md). Default: ${DEFAULT-VALUE}.")
  PngDecoder pngDecoder;

  @Option(
      names = "--exit-when-ready",
      description =
          "Stop as soon as every model is loaded, exit code 0: checks that a configuration starts."
              + " The launcher runs this once per build to record the classes a server loads, so"
              + " that later starts are faster.")
  boolean exitWhenReady;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long launched = System.nanoTime();
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be ≥ 1");
    }
    ServerConfig.Builder builder =
        ServerConfig.builder()
            .address(host, port)
            .maxRequestBytes(maxRequestBytes)
            .requestThreads(new ServerConfig.RequestThreads(maxServerThreads, requestNice))
            .logFormat(logFormat)
            .pngDecoder(pngDecoder);
    if (maxConnections != null) {
      builder.maxConnections(maxConnections);
    }
    ServerConfig config = builder.build();
    List<String> toLoad = ServedModels.resolve(models);
    DjlEnvironment.configure(threads);
    PrintWriter out = spec.commandLine().getOut();

    DigitsServer server = new DigitsServer(config);
    // The models load on their own thread while the server starts on this one: starting Jetty and
    // loading PyTorch each take most of a second, and the machine has a core for each.
    AtomicLong readyAt = new AtomicLong();
    CompletableFuture<ModelCatalog> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loading.complete(
                    ServedModels.load(
                        toLoad,
                        defaultModel,
                        threads,
                        server.metrics(),
                        partial -> {
                          server.serveWhileLoading(partial);
                          readyAt.compareAndSet(0, System.nanoTime());
                        }));
              } catch (IOException | RuntimeException e) {
                loading.completeExceptionally(e);
              }
            },
            "digits-model-loader");
    loader.start();
    try (Interruption interruption = Interruption.onCtrlC()) {
      start(server, loading);
      out.printf(
          Locale.ROOT,
          "digits: serving on %s (models: %s)%n",
          url(server.port()),
          String.join(", ", toLoad));
      if (requestNice > 0 && !NiceValue.isSupported()) {
        out.println(
            "digits: --request-nice has no effect here (it needs Linux); request threads run at"
                + " the inference threads' priority");
      }
      out.flush();
      ModelCatalog catalog;
      try {
        catalog = loaded(loading);
        server.serve(catalog);
      } catch (IOException | RuntimeException e) {
        server.stop();
        throw e;
      }
      readyAt.compareAndSet(0, System.nanoTime());
      boolean interrupted = false;
      try {
        out.printf(
            Locale.ROOT,
            "digits: ready in %.1f s; default model: %s; all %d models in %.1f s%n",
            (readyAt.get() - launched) / 1e9,
            catalog.defaultName(),
            catalog.names().size(),
            (System.nanoTime() - launched) / 1e9);
        out.flush();
        if (!exitWhenReady) {
          interruption.awaitRequest();
        }
      } catch (InterruptedException e) {
        // Whoever runs this command in-process stops it by interrupting its thread; the flag is
        // restored only after the shutdown, which an interrupted thread would cut short.
        interrupted = true;
      } finally {
        server.stopGracefully(STOP_GRACE);
        catalog.close();
      }
      out.println("digits: stopped");
      out.flush();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }

  /** The catalog the loader made, or what stopped it. */
  private static ModelCatalog loaded(CompletableFuture<ModelCatalog> loading) throws IOException {
    try {
      return loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException failure) {
        throw failure;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  /** Starts the server; when it cannot listen, what the loader loads is closed once it is in. */
  private static void start(DigitsServer server, CompletableFuture<ModelCatalog> loading)
      throws IOException {
    try {
      server.start();
    } catch (UncheckedIOException e) {
      loading.thenAccept(ModelCatalog::close);
      String problem = e.getCause().getMessage();
      throw new IOException(
          problem.contains("in use") ? problem + "; choose another port with --port" : problem,
          e.getCause());
    }
  }

  /** Where a browser on this machine reaches the server. */
  private String url(int boundPort) {
    String where =
        host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
            ? "localhost"
            : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + where + ":" + boundPort;
  }
}
