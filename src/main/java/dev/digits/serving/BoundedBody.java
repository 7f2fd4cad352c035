package dev.digits.serving;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body into memory without ever holding more than the limit, and discards what a
 * refused body still has to send.
 *
 * <p>A declared Content-Length over the limit is refused before a byte is read; a client that asked
 * {@code Expect: 100-continue} (curl does above 1 MiB) then never even sends the body. A chunked
 * body is read up to one byte past the limit and refused there.
 */
final class BoundedBody {
  /** Most bytes of a refused body read and thrown away so its sender gets the answer. */
  static final long DISCARD_BYTES = 64L * 1024 * 1024;

  /** Longest time spent throwing a refused body away. */
  static final long DISCARD_NANOS = TimeUnit.SECONDS.toNanos(10);

  private BoundedBody() {}

  /**
   * The whole body.
   *
   * @throws BodyTooLargeException when it is, or says it is, longer than {@code limit}
   * @throws ApiException 400 when it ends before its declared length
   */
  static byte[] read(HttpServletRequest request, long limit) {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw new BodyTooLargeException(limit);
    }
    try {
      InputStream in = request.getInputStream();
      if (declared >= 0) {
        byte[] body = new byte[(int) declared];
        if (in.readNBytes(body, 0, body.length) < body.length) {
          throw incomplete();
        }
        return body;
      }
      byte[] body = in.readNBytes((int) limit + 1);
      if (body.length > limit) {
        throw new BodyTooLargeException(limit);
      }
      return body;
    } catch (IOException e) {
      throw incomplete();
    }
  }

  /**
   * Reads and drops what is left of a refused body, within {@link #DISCARD_BYTES} and {@link
   * #DISCARD_NANOS}. Closing a connection while the client is still sending makes TCP reset it, and
   * a reset destroys the answer before the client reads it; draining first lets the client see the
   * 413. A client waiting for {@code 100 Continue} has sent nothing and is left alone.
   */
  static void discardRest(HttpServletRequest request) {
    if (waitsToSend(request.getHeader("Expect"))) {
      return;
    }
    long deadline = System.nanoTime() + DISCARD_NANOS;
    byte[] sink = new byte[16 * 1024];
    long discarded = 0;
    try {
      InputStream in = request.getInputStream();
      int read;
      while (discarded < DISCARD_BYTES
          && System.nanoTime() < deadline
          && (read = in.read(sink)) >= 0) {
        discarded += read;
      }
    } catch (IOException e) {
      // The client gave up or timed out: there is nothing left to protect.
    }
  }

  /**
   * Whether a client with this {@code Expect} header holds its body back until told to send it: it
   * has sent nothing to discard.
   */
  static boolean waitsToSend(String expect) {
    return expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue");
  }

  private static ApiException incomplete() {
    return ApiException.badRequest(
        "incomplete_body", "The request body ended early or could not be read.");
  }
}
