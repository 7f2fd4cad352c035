package dev.digits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load generator's parts: its URLs, its HTTP client, its statistics. */
class LoadGeneratorTest {

  @Test
  void targetsComeFromUrls() {
    assertThat(HttpTarget.parse("http://localhost:8080"))
        .isEqualTo(new HttpTarget("localhost", 8080, "/api/predict"));
    assertThat(HttpTarget.parse("http://example.test/"))
        .isEqualTo(new HttpTarget("example.test", 80, "/api/predict"));
    assertThat(HttpTarget.parse("http://10.0.0.2:9000/predict?x=1"))
        .isEqualTo(new HttpTarget("10.0.0.2", 9000, "/predict?x=1"));
    assertThat(HttpTarget.parse("http://[::1]:8080").hostHeader()).isEqualTo("[::1]:8080");
    assertThatThrownBy(() -> HttpTarget.parse("https://localhost:8443"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only http:// URLs");
    assertThatThrownBy(() -> HttpTarget.parse("localhost:8080"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsAreCompleteHttpMessages() {
    HttpTarget target = new HttpTarget("127.0.0.1", 8080, "/api/predict");
    CanvasDrawings.Drawing drawing = CanvasDrawings.generate(1, 3).get(0);

    String png =
        new String(
            RequestFormat.PNG.prepare(target, List.of(drawing), true).get(0).bytes(),
            StandardCharsets.ISO_8859_1);
    String json =
        new String(
            RequestFormat.JSON.prepare(target, List.of(drawing), false).get(0).bytes(),
            StandardCharsets.ISO_8859_1);

    assertThat(png)
        .startsWith("POST /api/predict?includeInput=true HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
        .contains("Content-Type: image/png\r\n")
        .contains("Content-Length: " + drawing.png().length + "\r\n\r\n\u0089PNG");
    assertThat(json)
        .startsWith("POST /api/predict HTTP/1.1\r\n")
        .contains("Content-Type: application/json\r\n")
        .contains("\r\n\r\n{\"image\":\"data:image/png;base64,iVBOR")
        .endsWith("\"}");
  }

  @Test
  void drawingsAreCanvasPngsOfEveryDigit() {
    List<CanvasDrawings.Drawing> drawings = CanvasDrawings.generate(20, 1);

    assertThat(drawings).extracting(CanvasDrawings.Drawing::digit).containsSequence(0, 1, 2, 3);
    assertThat(drawings).extracting(d -> d.png().length).doesNotHaveDuplicates();
    assertThat(CanvasDrawings.generate(20, 1).get(7).png()).isEqualTo(drawings.get(7).png());
    // RGBA (colour type 6), 8 bits, 280 × 280.
    byte[] header = drawings.get(0).png();
    assertThat(PngHeader.width(header)).isEqualTo(280);
    assertThat(header[24]).isEqualTo((byte) 8);
    assertThat(header[25]).isEqualTo((byte) 6);
  }

  @Test
  void connectionReadsChunkedAndClosingResponsesAndReconnects() throws Exception {
    List<String> responses =
        List.of(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n"
                + "0\r\n\r\n",
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    try (ScriptedServer server = new ScriptedServer(responses);
        KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.port())) {
      byte[] request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

      KeepAliveConnection.Response chunked = connection.exchange(request);
      KeepAliveConnection.Response closing = connection.exchange(request);
      KeepAliveConnection.Response again = connection.exchange(request);

      assertThat(chunked.status()).isEqualTo(200);
      assertThat(new String(chunked.body(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
      assertThat(closing.status()).isEqualTo(503);
      assertThat(new String(closing.body(), StandardCharsets.US_ASCII)).isEqualTo("busy");
      assertThat(again.status()).isEqualTo(200);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void percentilesAreOrderStatistics() {
    Latencies latencies = new Latencies();
    for (int ms = 100; ms >= 1; ms--) {
      latencies.add(ms * 1_000_000L);
    }
    long[] sorted = latencies.sorted();

    assertThat(Latencies.percentileMillis(sorted, 0.5)).isEqualTo(50.0);
    assertThat(Latencies.percentileMillis(sorted, 0.99)).isEqualTo(99.0);
    assertThat(Latencies.percentileMillis(sorted, 1.0)).isEqualTo(100.0);
    assertThat(Latencies.percentileMillis(new long[0], 0.5)).isNaN();
  }

  @Test
  void theDigitIsReadFromEitherAnswerShape() {
    assertThat(LoadGenerator.digitIn(bytes("{\"digit\":7,\"confidence\":0.9}"))).isEqualTo(7);
    assertThat(LoadGenerator.digitIn(bytes("{\"digit\": 3}"))).isEqualTo(3);
    assertThat(LoadGenerator.digitIn(bytes("{\"error\":\"not_ready\"}"))).isEqualTo(-1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** PNG header fields. */
  private static final class PngHeader {
    static int width(byte[] png) {
      return (png[16] & 0xFF) << 24
          | (png[17] & 0xFF) << 16
          | (png[18] & 0xFF) << 8
          | png[19] & 0xFF;
    }
  }

  /**
   * Answers each request with the next canned response, closing the connection after one that says
   * {@code Connection: close}.
   */
  private static final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    ScriptedServer(List<String> responses) throws IOException {
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      List<String> left = new ArrayList<>(responses);
      thread =
          new Thread(
              () -> {
                try {
                  while (!left.isEmpty()) {
                    try (Socket client = socket.accept()) {
                      connections.incrementAndGet();
                      InputStream in = client.getInputStream();
                      OutputStream out = client.getOutputStream();
                      while (!left.isEmpty()) {
                        readRequest(in);
                        String response = left.remove(0);
                        out.write(response.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (response.toLowerCase(Locale.ROOT).contains("connection: close")) {
                          break;
                        }
                      }
                    }
                  }
                } catch (IOException e) {
                  // Closed by the test.
                }
              });
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private static void readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("client gone");
        }
        head.write(b);
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5_000);
    }
  }
}
