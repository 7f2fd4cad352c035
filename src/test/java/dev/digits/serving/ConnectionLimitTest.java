package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that never send a request cannot exhaust the server: it holds at most its limit, and
 * at the limit it closes idle ones soon, so a real client still gets its answer.
 */
class ConnectionLimitTest {
  private static final int LIMIT = 4;

  private final List<Socket> idle = new ArrayList<>();

  @AfterEach
  void closeIdle() throws IOException {
    for (Socket socket : idle) {
      socket.close();
    }
  }

  @Test
  void idleConnectionsAtTheLimitAreClosedSoonAndARealClientIsAnswered() throws Exception {
    try (RunningServer server =
        RunningServer.start(
            ServerConfig.builder().maxConnections(LIMIT).build(), FakeClassifier.catalog())) {
      // Twice the limit: the kernel completes every handshake, the server accepts only LIMIT.
      for (int i = 0; i < 2 * LIMIT; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        idle.add(socket);
      }

      long start = System.nanoTime();
      HttpResponse<String> health = server.get("/healthz");
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(health.statusCode()).isEqualTo(200);
      // Without the shorter idle timeout at the limit, the idle connections would hold every slot
      // for Jetty's 30 s.
      assertThat(waited).isLessThan(Duration.ofSeconds(20));
      assertThat(closedByServer()).isGreaterThanOrEqualTo(LIMIT);
    }
  }

  @Test
  void belowTheLimitIdleConnectionsStayOpen() throws Exception {
    try (RunningServer server =
        RunningServer.start(
            ServerConfig.builder().maxConnections(LIMIT).build(), FakeClassifier.catalog())) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      idle.add(socket);
      socket.setSoTimeout((int) ServerConfig.CROWDED_IDLE_TIMEOUT.toMillis() + 1_500);
      // A browser keeps its connection between two drawings; only crowding shortens the wait.
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(readsEndOfStream(socket)).isFalse();
    }
  }

  /** How many of the idle connections the server has closed (end of stream, or reset). */
  private int closedByServer() throws IOException {
    int closed = 0;
    for (Socket socket : idle) {
      socket.setSoTimeout(100);
      if (readsEndOfStream(socket)) {
        closed++;
      }
    }
    return closed;
  }

  private static boolean readsEndOfStream(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
