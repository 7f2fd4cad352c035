package dev.digits.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A {@link DigitsServer} on a free local port, with an HTTP client pointed at it. */
final class RunningServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DigitsServer server;
  private final HttpClient client;

  private RunningServer(DigitsServer server) {
    this.server = server;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Starts a server on 127.0.0.1 and a free port; the configuration's address is ignored. */
  static RunningServer start(ServerConfig config, ModelCatalog catalog) {
    return new RunningServer(
        new DigitsServer(config.toBuilder().address("127.0.0.1", 0).build(), catalog).start());
  }

  /** Starts a server whose models arrive when {@code loading} completes. */
  static RunningServer start(ServerConfig config, CompletionStage<ModelCatalog> loading) {
    return new RunningServer(
        new DigitsServer(config.toBuilder().address("127.0.0.1", 0).build(), loading).start());
  }

  /** Starts a server built by the test, which must listen on 127.0.0.1 and a free port. */
  static RunningServer start(DigitsServer server) {
    return new RunningServer(server.start());
  }

  static RunningServer start(ModelCatalog catalog) {
    return start(ServerConfig.defaults(), catalog);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  int port() {
    return server.port();
  }

  HttpClient client() {
    return client;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  /** JSON text, such as a response body or a JSON log line. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
