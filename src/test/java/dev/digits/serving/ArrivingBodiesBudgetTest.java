package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies still arriving share a budget of bytes: one that would go over it is answered 503 {@code
 * busy} at once, and the room comes back when a stalled client goes away.
 */
class ArrivingBodiesBudgetTest {
  private static final int BODY_LIMIT = 64 * 1024;
  private static final int BUDGET = 100 * 1024;
  private static final int STALLED_BODY = 60 * 1024;

  private static RunningServer server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            ServerConfig.builder().maxRequestBytes(BODY_LIMIT).maxArrivingBodyBytes(BUDGET).build(),
            FakeClassifier.catalog());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Test
  void aDeclaredBodyWithoutRoomIs503BusyAndSmallerOnesStillFit() throws Exception {
    stallOne();

    Socket refused = open("Content-Length: " + (BUDGET - STALLED_BODY + 1), new byte[10]);
    assertBusy(refused);
    HttpResponse<String> small = server.post("/api/predict", "image/png", TestImages.tallPng());
    assertThat(small.statusCode()).isEqualTo(200);
  }

  @Test
  void aRefusedClientThatGoesOnSendingItsBodyStillReadsTheAnswer() throws Exception {
    stallOne();
    int size = BUDGET - STALLED_BODY + 1;

    // The client sends its body in pieces, as a slow uplink does, well after the 503 is written:
    // a server that closed at once would make TCP reset these writes and the answer with them.
    Socket refused = open("Content-Length: " + size, new byte[0]);
    OutputStream out = refused.getOutputStream();
    for (int sent = 0; sent < size; sent += 4096) {
      out.write(new byte[Math.min(4096, size - sent)]);
      out.flush();
      Thread.sleep(20);
    }
    assertBusy(refused);
  }

  @Test
  void aChunkedBodyIsRefusedWhenItsChunksGoOverTheBudget() throws Exception {
    stallOne();

    int size = BUDGET - STALLED_BODY + 1;
    byte[] chunk = new byte[size];
    Socket refused =
        open(
            "Transfer-Encoding: chunked",
            concat(
                (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII), chunk));
    assertBusy(refused);
  }

  @Test
  void theRoomOfAClientThatGoesAwayIsGivenBack() throws Exception {
    Socket stalled = stallOne();

    stalled.close();
    // Room enough once the server sees the client gone: the body is read and refused for what
    // it is, not for want of room.
    assertThat(statusOnceNot(503)).isEqualTo(400);
  }

  /**
   * Opens a stalled body, and returns once the server counts it: a complete body too large to fit
   * beside it is then refused. The two can arrive at the same moment, and then the stalled one may
   * be the one refused; it is opened again.
   *
   * <p>It first waits until the budget is empty: a body stalled by the test before, whose socket
   * was just closed, may still be counted, and a probe refused for its sake would pass for this one
   * being counted.
   */
  private Socket stallOne() throws Exception {
    assertThat(statusOnceNot(503)).as("the probe's status with no body stalled").isEqualTo(400);
    for (int attempt = 0; attempt < 20; attempt++) {
      Socket stalled = open("Content-Length: " + STALLED_BODY, new byte[10]);
      for (int probe = 0; probe < 20 && !wasAnswered(stalled); probe++) {
        if (probeStatus() == 503) {
          return stalled;
        }
        Thread.sleep(50);
      }
      stalled.close();
    }
    throw new AssertionError("the server never counted the stalled body");
  }

  private static boolean wasAnswered(Socket socket) throws IOException {
    socket.setSoTimeout(1);
    try {
      socket.getInputStream().read();
      return true;
    } catch (SocketTimeoutException nothingYet) {
      return false;
    } catch (IOException reset) {
      return true;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  private static int probeStatus() {
    return server
        .post("/api/predict", "image/png", new byte[BUDGET - STALLED_BODY + 1])
        .statusCode();
  }

  /** The probe's status once it is not {@code status}, polling for at most 5 s. */
  private static int statusOnceNot(int status) throws InterruptedException {
    int seen = probeStatus();
    for (int attempt = 0; attempt < 100 && seen == status; attempt++) {
      Thread.sleep(50);
      seen = probeStatus();
    }
    return seen;
  }

  private Socket open(String framing, byte[] start) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    sockets.add(socket);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                + framing
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(start);
    out.flush();
    return socket;
  }

  private static void assertBusy(Socket socket) throws IOException {
    String response = SlowUploadTest.readResponse(socket.getInputStream());
    assertThat(response).startsWith("HTTP/1.1 503");
    assertThat(response).containsIgnoringCase("Retry-After: 1");
    assertThat(response).containsIgnoringCase("Connection: close");
    assertThat(response).containsIgnoringCase("X-Content-Type-Options: nosniff");
    assertThat(response).contains("\"error\":\"busy\"");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
