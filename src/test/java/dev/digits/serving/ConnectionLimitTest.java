package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
      // Without the shorter timeout at the limit, the idle connections would hold every slot for
      // Jetty's 30 s.
      Await.until(
          "every connection open at the limit idles out soon",
          () -> {
            List<Duration> timeouts = server.server().openConnectionIdleTimeouts();
            return timeouts.size() == LIMIT
                && timeouts.stream().allMatch(ServerConfig.CROWDED_IDLE_TIMEOUT::equals);
          });

      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
      Await.until("the server closes idle connections", () -> closedByServer() >= LIMIT);
    }
  }

  @Test
  void belowTheLimitIdleConnectionsKeepTheUsualTimeout() throws Exception {
    try (RunningServer server =
        RunningServer.start(
            ServerConfig.builder().maxConnections(LIMIT).build(), FakeClassifier.catalog())) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      idle.add(socket);
      Await.until(
          "the server holds the connection",
          () -> server.server().openConnectionIdleTimeouts().size() == 1);

      // A browser keeps its connection between two drawings; only crowding shortens the wait.
      assertThat(server.server().openConnectionIdleTimeouts())
          .singleElement()
          .isNotEqualTo(ServerConfig.CROWDED_IDLE_TIMEOUT);
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  /** How many of the idle connections the server has closed (end of stream, or reset). */
  private int closedByServer() {
    int closed = 0;
    for (Socket socket : idle) {
      if (readsEndOfStream(socket)) {
        closed++;
      }
    }
    return closed;
  }

  /** Whether the server has closed the socket, without waiting for it to. */
  private static boolean readsEndOfStream(Socket socket) {
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
