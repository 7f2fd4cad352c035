package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies still arriving share a budget of bytes: one that would go over it is answered 503 {@code
 * busy} at once, and the room comes back when a stalled client goes away.
 */
class ArrivingBodiesBudgetTest {
  private static final int BODY_LIMIT = 64 * 1024;
  private static final int BUDGET = 100 * 1024;
  private static final int STALLED_BODY = 60 * 1024;

  @RegisterExtension
  static final RunningServer server =
      RunningServer.forEachTest(
          ServerConfig.builder().maxRequestBytes(BODY_LIMIT).maxArrivingBodyBytes(BUDGET).build());

  private final List<Socket> sockets = new ArrayList<>();

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

    // The client sends its body only once the 503 has arrived: a server that closed at once
    // would make TCP reset these writes, and the reset would destroy the answer before it is read.
    Socket refused = open("Content-Length: " + size, new byte[0]);
    InputStream answer = refused.getInputStream();
    Await.until("the answer arrives", () -> available(answer) > 0);
    OutputStream out = refused.getOutputStream();
    for (int sent = 0; sent < size; sent += 4096) {
      out.write(new byte[Math.min(4096, size - sent)]);
      out.flush();
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
    Await.until("the server gives the room back", () -> arrivingBytes() == 0);
    // The body is read and refused for what it is, not for want of room.
    assertThat(probeStatus()).isEqualTo(400);
  }

  /** Opens a body that stalls after its first bytes, and returns once the server counts it. */
  private Socket stallOne() throws Exception {
    Socket stalled = open("Content-Length: " + STALLED_BODY, new byte[10]);
    Await.until("the server counts the stalled body", () -> arrivingBytes() == STALLED_BODY);
    return stalled;
  }

  private static int available(InputStream in) {
    try {
      return in.available();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long arrivingBytes() {
    return server.server().arrivingBodyBytes();
  }

  private static int probeStatus() {
    return server
        .post("/api/predict", "image/png", new byte[BUDGET - STALLED_BODY + 1])
        .statusCode();
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
