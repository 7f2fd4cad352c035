package dev.digits.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server on an ephemeral port that plays an MNIST mirror, well or badly. */
final class MirrorServer implements AutoCloseable {
  /** Answers one request. */
  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  MirrorServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "mirror-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          Handler handler = routes.get(path);
          try (exchange) {
            if (handler == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              handler.handle(exchange);
            }
          }
        });
    server.start();
  }

  /** The URL of {@code path} on this server. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Serves {@code body} with status 200 at {@code path}. */
  MirrorServer serve(String path, byte[] body) {
    return route(path, exchange -> respond(exchange, 200, body));
  }

  /** Answers {@code path} with an empty response of the given status. */
  MirrorServer status(String path, int status) {
    return route(path, exchange -> exchange.sendResponseHeaders(status, -1));
  }

  /** Serves each MNIST file gzipped under {@code base}, as the real mirrors do. */
  MirrorServer serveMnist(String base, FakeMnist mnist) {
    for (MnistFile file : MnistFile.values()) {
      serve(base + file.gzipName(), mnist.gzipped(file));
    }
    return this;
  }

  MirrorServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
