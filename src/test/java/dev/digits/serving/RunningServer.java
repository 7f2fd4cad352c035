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
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link DigitsServer} on a free local port, with an HTTP client pointed at it.
 *
 * <p>Either started at once, for one test ({@code try (RunningServer server = start(...))}), or a
 * JUnit extension on a static field that starts a server with the fake models before the class's
 * tests and stops it after them:
 *
 * <pre>{@code
 * @RegisterExtension static final RunningServer server = RunningServer.forTheClass(config);
 * }</pre>
 *
 * Tests that change the server's state (take its budgets, hold its threads or connections) use
 * {@link #forEachTest}, so that no test sees what another left behind.
 */
final class RunningServer
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<DigitsServer> newServer;
  private final boolean eachTest;
  private final HttpClient client;
  private DigitsServer server;

  private RunningServer(Supplier<DigitsServer> newServer, boolean eachTest) {
    this.newServer = newServer;
    this.eachTest = eachTest;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Starts a server on 127.0.0.1 and a free port; the configuration's address is ignored. */
  static RunningServer start(ServerConfig config, ModelCatalog catalog) {
    return new RunningServer(() -> new DigitsServer(local(config), catalog), false).begin();
  }

  /** Starts a server whose models arrive when {@code loading} completes. */
  static RunningServer start(ServerConfig config, CompletionStage<ModelCatalog> loading) {
    return new RunningServer(() -> new DigitsServer(local(config), loading), false).begin();
  }

  /** Starts a server built by the test, which must listen on 127.0.0.1 and a free port. */
  static RunningServer start(DigitsServer server) {
    return new RunningServer(() -> server, false).begin();
  }

  static RunningServer start(ModelCatalog catalog) {
    return start(ServerConfig.defaults(), catalog);
  }

  /** An extension: one server with the fake models for all the tests of a class. */
  static RunningServer forTheClass(ServerConfig config) {
    return new RunningServer(fakeModels(config), false);
  }

  static RunningServer forTheClass() {
    return forTheClass(ServerConfig.defaults());
  }

  /** An extension: a new server with the fake models for each test of a class. */
  static RunningServer forEachTest(ServerConfig config) {
    return new RunningServer(fakeModels(config), true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!eachTest) {
      begin();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (eachTest) {
      begin();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (eachTest) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!eachTest) {
      close();
    }
  }

  /** The server itself, for the state tests wait on instead of sleeping. */
  DigitsServer server() {
    return server;
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
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private RunningServer begin() {
    server = newServer.get().start();
    return this;
  }

  private static Supplier<DigitsServer> fakeModels(ServerConfig config) {
    return () -> new DigitsServer(local(config), FakeClassifier.catalog());
  }

  private static ServerConfig local(ServerConfig config) {
    return config.toBuilder().address("127.0.0.1", 0).build();
  }
}
