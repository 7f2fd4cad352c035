package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that start a body and stall hold no thread: with more of them than the server has
 * threads, it still answers everyone else, and a stalled body that finally arrives is answered.
 */
class SlowUploadTest {
  /** Jetty's smallest pool; the stalled clients outnumber it several times over. */
  private static final int THREADS = 8;

  private static final int STALLED = 4 * THREADS;

  @RegisterExtension
  static final RunningServer server =
      RunningServer.forEachTest(
          ServerConfig.builder()
              .requestThreads(new ServerConfig.RequestThreads(THREADS, 0))
              .build());

  private final List<Socket> stalled = new ArrayList<>();

  @AfterEach
  void closeStalled() throws IOException {
    for (Socket socket : stalled) {
      socket.close();
    }
  }

  @Test
  void stalledBodiesWithALengthDoNotStarveOtherRequests() throws IOException {
    byte[] png = TestImages.tallPng();
    for (int i = 0; i < STALLED; i++) {
      stall(header("Content-Length: " + png.length), Arrays.copyOf(png, 10));
    }
    Await.until(
        "the server holds every stalled body",
        () -> server.server().arrivingBodyBytes() == (long) STALLED * png.length);

    assertOthersAreAnswered();
  }

  @Test
  void stalledChunkedBodiesDoNotStarveOtherRequests() throws IOException {
    for (int i = 0; i < STALLED; i++) {
      stall(
          header("Transfer-Encoding: chunked"),
          "4\r\nPNG!\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    assertOthersAreAnswered();
  }

  @Test
  void aBodyThatArrivesLateIsAnswered() throws Exception {
    byte[] png = TestImages.tallPng();
    Socket socket = stall(header("Content-Length: " + png.length), Arrays.copyOf(png, 10));
    Await.until(
        "the server waits for the rest of the body",
        () -> server.server().arrivingBodyBytes() == png.length);
    OutputStream out = socket.getOutputStream();
    out.write(png, 10, png.length - 10);
    out.flush();

    String response = readResponse(socket.getInputStream());
    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(response).contains("\"digit\":" + FakeClassifier.TALL);
  }

  private void assertOthersAreAnswered() {
    HttpResponse<String> health =
        server.send(
            HttpRequest.newBuilder(server.uri("/healthz")).timeout(Duration.ofSeconds(10)).build());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> predicted =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/predict"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.tallPng()))
                .build());
    assertThat(predicted.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(predicted).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }

  private static String header(String framing) {
    return "POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
        + framing
        + "\r\n\r\n";
  }

  private Socket stall(String header, byte[] start) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    stalled.add(socket);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    out.write(start);
    out.flush();
    return socket;
  }

  /** Reads one response whose body has a Content-Length. */
  static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    int headerEnd = -1;
    long length = -1;
    while (true) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      received.write(next);
      String text = received.toString(StandardCharsets.ISO_8859_1);
      if (headerEnd < 0 && text.endsWith("\r\n\r\n")) {
        headerEnd = text.length();
        for (String line : text.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Long.parseLong(line.substring(15).trim());
          }
        }
      }
      if (headerEnd >= 0 && received.size() >= headerEnd + length) {
        break;
      }
    }
    return received.toString(StandardCharsets.UTF_8);
  }
}
