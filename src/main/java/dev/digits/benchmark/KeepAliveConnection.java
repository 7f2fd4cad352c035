package dev.digits.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection of a load test, on a plain socket.
 *
 * <p>Why not {@link java.net.http.HttpClient}: its per-request machinery (executors, futures,
 * header maps) costs CPU on every request, and the load generator shares the machine with the
 * server it measures. Here a request is one write of bytes prepared in advance and a response is
 * parsed straight from a reused buffer. It understands what a server answers a client like this:
 * Content-Length or chunked bodies, and {@code Connection: close}, after which it reconnects.
 */
final class KeepAliveConnection implements Closeable {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final InetSocketAddress address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  KeepAliveConnection(String host, int port) {
    this.address = new InetSocketAddress(host, port);
  }

  /** A response: its status and body. */
  record Response(int status, byte[] body) {}

  /**
   * Sends one complete request and reads its response.
   *
   * @throws IOException when the connection fails; the next call reconnects
   */
  Response exchange(byte[] request) throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      out.write(request);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a broken socket can fail; it is gone either way.
      }
      socket = null;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      // Requests are written whole, so Nagle's algorithm could only delay them.
      s.setTcpNoDelay(true);
      s.setSoTimeout(TIMEOUT_MILLIS);
      s.connect(address, TIMEOUT_MILLIS);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = s.getInputStream();
    out = s.getOutputStream();
    position = 0;
    limit = 0;
  }

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closes = statusLine.startsWith("HTTP/1.0");
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closes = value.contains("close");
        default -> {}
      }
    }
    byte[] body;
    if (chunked) {
      body = readChunked();
    } else if (contentLength >= 0) {
      body = readExactly((int) contentLength);
    } else {
      body = readToEnd();
      closes = true;
    }
    if (closes) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // Trailer fields: none matter here.
        }
        return body.toByteArray();
      }
      body.writeBytes(readExactly(size));
      readLine();
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] body = new byte[length];
    int done = Math.min(length, limit - position);
    System.arraycopy(buffer, position, body, 0, done);
    position += done;
    while (done < length) {
      int read = in.read(body, done, length - done);
      if (read < 0) {
        throw new EOFException("the connection closed inside a response body");
      }
      done += read;
    }
    return body;
  }

  private byte[] readToEnd() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(buffer, position, limit - position);
    position = limit;
    in.transferTo(body);
    return body.toByteArray();
  }

  /** The next line without its CR LF; header lines are ASCII. */
  private String readLine() throws IOException {
    int start = position;
    while (true) {
      for (int i = start; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
          position = i + 1;
          return line;
        }
      }
      start = limit - position;
      fill();
    }
  }

  /** Moves unread bytes to the front of the buffer and reads more after them. */
  private void fill() throws IOException {
    int unread = limit - position;
    if (unread == buffer.length) {
      throw new IOException("a response header line is longer than " + buffer.length + " bytes");
    }
    System.arraycopy(buffer, position, buffer, 0, unread);
    position = 0;
    limit = unread;
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      throw new EOFException(
          unread == 0
              ? "the server closed the connection"
              : "the connection closed inside a response: "
                  + new String(Arrays.copyOf(buffer, limit), StandardCharsets.ISO_8859_1));
    }
    limit += read;
  }
}
