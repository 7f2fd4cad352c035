package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile bodies, from a fixed seed, sent by a few clients at once to a running
 * server: every one must get an answer (no connection dropped), none a 5xx, and the server must
 * answer normally afterwards. A failure names the request's index; {@link HostileBodies} rebuilds
 * it from that alone. The build always sends the same bodies; a longer hunt for bugs sends others:
 * {@code mvn test -Dtest=HostileBodiesFuzzTest -Dfuzz.seed=7 -Dfuzz.requests=100000}. With {@code
 * -Dfuzz.url=http://HOST:PORT} they go to a server already running (bench/memory.sh), whose model
 * {@code -Dfuzz.model} (default: {@code default}) they name.
 */
class HostileBodiesFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 18);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 4_800);
  private static final int CLIENTS = 4;

  @Test
  void everyHostileBodyGetsAClientErrorOrAnAnswerAndTheServerLivesOn() throws Exception {
    String url = System.getProperty("fuzz.url");
    if (url != null) {
      HttpClient client = HttpClient.newHttpClient();
      Function<String, URI> uri = path -> URI.create(url + path);
      assertEveryBodyAnswered(uri, client, System.getProperty("fuzz.model", "default"));
      assertAlive(uri, client);
      return;
    }
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      assertEveryBodyAnswered(server::uri, server.client(), "fake-a");
      assertAlive(server::uri, server.client());
      HttpResponse<String> predicted =
          server.post("/api/predict", "image/png", TestImages.tallPng());
      assertThat(RunningServer.json(predicted).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
    }
  }

  private static void assertEveryBodyAnswered(
      Function<String, URI> uri, HttpClient client, String model) throws Exception {
    HostileBodies bodies = new HostileBodies(SEED, model);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int first = 0; first < CLIENTS; first++) {
        int start = first;
        running.add(
            clients.submit(
                () -> {
                  for (int i = start; i < REQUESTS; i += CLIENTS) {
                    HostileBodies.HostileRequest request = bodies.request(i);
                    String failure = send(uri, client, request);
                    if (failure != null) {
                      failures.add(request + ": " + failure);
                    }
                  }
                }));
      }
      for (Future<?> sender : running) {
        sender.get();
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(failures).as("requests answered 5xx or not at all").isEmpty();
  }

  private static void assertAlive(Function<String, URI> uri, HttpClient client) throws Exception {
    HttpResponse<String> health =
        client.send(HttpRequest.newBuilder(uri.apply("/healthz")).build(), BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> predicted =
        client.send(
            HttpRequest.newBuilder(uri.apply("/api/predict"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.tallPng()))
                .build(),
            BodyHandlers.ofString());
    assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
  }

  /** Null when the server answered below 500, else what went wrong. */
  private static String send(
      Function<String, URI> uri, HttpClient client, HostileBodies.HostileRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri.apply(request.path()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    try {
      HttpResponse<String> response = client.send(builder.build(), BodyHandlers.ofString());
      return response.statusCode() < 500
          ? null
          : "answered " + response.statusCode() + " " + response.body();
    } catch (IOException e) {
      return "no answer: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
