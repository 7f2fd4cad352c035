package dev.digits.serving;

import static dev.digits.serving.ErrorResponsesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.preprocessing.PreprocessingLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies over the limit get a JSON 413 (not a reset connection), whether their size is declared or
 * streamed in chunks, and the server never reads far past the limit.
 */
class BodyLimitTest {
  private static final int LIMIT = 64 * 1024;
  private static final int IMAGE_LIMIT = 20 * 1024;

  @RegisterExtension
  static final RunningServer server =
      RunningServer.forTheClass(
          ServerConfig.builder()
              .maxRequestBytes(LIMIT)
              .preprocessing(new PreprocessingLimits(IMAGE_LIMIT, 4_000_000L, 4_000))
              .build());

  @AfterEach
  void serverStillAnswersCorrectly() {
    HttpResponse<String> response = server.post("/api/predict", "image/png", TestImages.widePng());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
  }

  @Test
  void declaredLengthOverTheLimitIs413() {
    assertError(
        server.post("/api/predict", "image/png", new byte[4 * LIMIT]), 413, "body_too_large");
    assertError(
        server.postJson("/api/predict", "{\"image\": \"" + "A".repeat(2 * LIMIT) + "\"}"),
        413,
        "body_too_large");
    assertError(
        server.postJson("/predict", "{\"image\": \"" + "A".repeat(2 * LIMIT) + "\"}"),
        413,
        "body_too_large");
  }

  @Test
  void largeDeclaredBodyStillGetsTheAnswer() {
    assertError(
        server.post("/api/predict", "image/png", new byte[32 * 1024 * 1024]),
        413,
        "body_too_large");
  }

  @Test
  void chunkedBodyOverTheLimitIs413() {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/predict"))
                .header("Content-Type", "image/png")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[8 * LIMIT])))
                .build());

    assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
    assertError(response, 413, "body_too_large");
  }

  @Test
  void multipartOverTheLimitIs413() {
    byte[] form =
        new Multipart().file("image", "big.png", "image/png", new byte[2 * LIMIT]).build();
    assertError(server.post("/api/predict", Multipart.CONTENT_TYPE, form), 413, "body_too_large");
  }

  @Test
  void answerArrivesBeforeTheBodyIsSent() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                      + "Content-Length: 100000000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response =
          new String(socket.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
    }
  }

  @Test
  void endlessChunkedBodyGetsTheAnswerAndIsCutOff() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[4096];
      Arrays.fill(chunk, (byte) 'x');
      byte[] header =
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      InputStream in = socket.getInputStream();
      // Send until the server answers; it must answer long before 64 times its limit.
      while (sent < 64L * LIMIT && in.available() == 0) {
        out.write(header);
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sent += chunk.length;
      }
      String response = new String(in.readNBytes(2048), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
      assertThat(sent).isLessThan(64L * LIMIT);
    }
  }

  @Test
  void bodyExactlyAtTheLimitIsRead() {
    String prefix =
        "{\"image\": \""
            + TestImages.dataUrl("image/png", TestImages.widePng())
            + "\", \"padding\": \"";
    String suffix = "\"}";
    String json = prefix + " ".repeat(LIMIT - prefix.length() - suffix.length()) + suffix;
    assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);

    HttpResponse<String> response = server.postJson("/api/predict", json);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void imageFileOverTheImageLimitIs413() {
    byte[] noisy = TestImages.encode(TestImages.noise(200), "png");
    assertThat(noisy.length).isBetween(IMAGE_LIMIT + 1, LIMIT - 1);

    assertError(server.post("/api/predict", "image/png", noisy), 413, "image_file_too_large");
  }
}
