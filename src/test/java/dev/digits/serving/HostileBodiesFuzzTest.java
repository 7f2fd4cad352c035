package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile bodies, from a fixed seed, sent by a few clients at once to a running
 * server: every one must get an answer (no connection dropped), none a 5xx, and the server must
 * answer normally afterwards. A failure names the request's index; {@link HostileBodies} rebuilds
 * it from that alone. The build always sends the same bodies; a longer hunt for bugs sends others:
 * {@code mvn test -Dtest=HostileBodiesFuzzTest -Dfuzz.seed=7 -Dfuzz.requests=100000}.
 */
class HostileBodiesFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 18);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 4_800);
  private static final int CLIENTS = 4;

  @Test
  void everyHostileBodyGetsAClientErrorOrAnAnswerAndTheServerLivesOn() throws Exception {
    HostileBodies bodies = new HostileBodies(SEED);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refused = new AtomicInteger();
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
          int first = client;
          running.add(
              clients.submit(
                  () -> {
                    for (int i = first; i < REQUESTS; i += CLIENTS) {
                      HostileBodies.HostileRequest request = bodies.request(i);
                      String failure = send(server, request);
                      if (failure != null) {
                        failures.add(request + ": " + failure);
                      } else {
                        refused.incrementAndGet();
                      }
                    }
                  }));
        }
        for (Future<?> client : running) {
          client.get();
        }
      } finally {
        clients.shutdownNow();
      }

      assertThat(failures).as("requests answered 5xx or not at all").isEmpty();
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> predicted =
          server.post("/api/predict", "image/png", TestImages.tallPng());
      assertThat(predicted.statusCode()).isEqualTo(200);
      assertThat(RunningServer.json(predicted).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
    }
    assertThat(refused.get()).isEqualTo(REQUESTS);
  }

  /** Null when the server answered below 500, else what went wrong. */
  private static String send(RunningServer server, HostileBodies.HostileRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.uri(request.path()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    try {
      HttpResponse<String> response =
          server.client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
