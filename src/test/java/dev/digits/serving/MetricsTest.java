package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} after known traffic: what was asked and answered is what is counted. */
class MetricsTest {
  private static RunningServer server;

  @BeforeAll
  static void start() {
    DigitsServer digits = new DigitsServer(ServerConfig.builder().address("127.0.0.1", 0).build());
    FakeClassifier fake = new FakeClassifier("fake-a", 0, 0.99);
    digits.serve(
        ModelCatalog.of(new BatchingClassifier(fake, 1, 8, digits.metrics().inference("fake-a"))));
    digits.metrics().modelLoaded("fake-a", Duration.ofMillis(1_500));
    server = RunningServer.start(digits);

    assertThat(server.post("/api/predict", "image/png", TestImages.tallPng()).statusCode())
        .isEqualTo(200);
    assertThat(server.post("/api/predict", "image/png", TestImages.widePng()).statusCode())
        .isEqualTo(200);
    assertThat(server.post("/api/predict", "image/png", TestImages.blankPng()).statusCode())
        .isEqualTo(422);
    assertThat(server.get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void countsHttpRequestsByRouteMethodAndStatus() {
    scrapeOnceCounted(
            "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/predict\"} 2",
            "http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\","
                + "status=\"422\",uri=\"/api/predict\"} 1",
            "http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/predict\",le=\"+Inf\"} 2",
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "status=\"404\",uri=\"NOT_FOUND\"} 1")
        // The path a client sent is never a label: only route templates are.
        .doesNotContain("/no/such/page");
  }

  @Test
  void countsErrorsByCode() {
    scrapeOnceCounted(
        "digits_errors_total{code=\"no_digit_found\",status=\"422\"} 1.0",
        "digits_errors_total{code=\"not_found\",status=\"404\"} 1.0");
  }

  @Test
  void countsDeclinesByReasonEachFromZero() {
    // A server of its own: the class's server keeps the traffic the other tests count.
    try (RunningServer own = RunningServer.start(FakeClassifier.catalog())) {
      byte[] speck = TestImages.encode(TestImages.bar(280, 4, 10), "png");
      assertThat(own.post("/api/predict", "image/png", speck).statusCode()).isEqualTo(200);
      assertThat(own.get("/metrics").body())
          .contains(
              "digits_declines_total{reason=\"too_small\"} 1.0",
              "digits_declines_total{reason=\"not_a_digit\"} 0.0",
              "digits_declines_total{reason=\"several_digits\"} 0.0",
              "digits_declines_total{reason=\"unsure\"} 0.0");
    }
  }

  @Test
  void countsInferenceRequestsQueueWaitForwardPassesAndBatchSizes() {
    // Counted on the inference thread before the answer is sent.
    String metrics = server.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "digits_inference_requests_total{model=\"fake-a\"} 2.0",
            "digits_inference_queue_wait_seconds_count{model=\"fake-a\"} 2",
            "digits_inference_batch_size_sum{model=\"fake-a\"} 2.0",
            "digits_model_load_seconds{model=\"fake-a\"} 1.5")
        .containsPattern("digits_inference_forward_seconds_count\\{model=\"fake-a\"} [12]\\b");
  }

  @Test
  void includesTheJvmJettyAndTheMemoryBudgets() {
    assertThat(server.get("/metrics").body())
        .contains(
            "jvm_memory_used_bytes{",
            "jvm_gc_max_data_size_bytes",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "jetty_threads_config_max 64.0",
            "jetty_connections_",
            "digits_decoding_budget_bytes",
            "digits_decoding_reserved_bytes 0.0",
            "digits_arriving_bodies_bytes");
  }

  @Test
  void speaksPrometheusTextFormat() {
    HttpResponse<String> response = server.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains("# TYPE http_server_requests_seconds histogram");
  }

  /**
   * The metrics once they hold every line expected, which they must: a request is counted when its
   * response is complete, just after the client has read it, so the last ones may take a moment.
   */
  private static AbstractStringAssert<?> scrapeOnceCounted(String... expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String metrics = server.get("/metrics").body();
    while (!Arrays.stream(expected).allMatch(metrics::contains) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      metrics = server.get("/metrics").body();
    }
    return assertThat(metrics).contains(expected);
  }
}
