package dev.digits.serving;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads each request body into memory, without holding a thread while it arrives, before the
 * request is handled.
 *
 * <p>Why: the handlers read bodies with blocking servlet streams, and a request being handled owns
 * one of Jetty's few threads. A client that sends its headers and a first byte, then stalls, would
 * hold a thread until the idle timeout; 100 such connections left the server unable to answer even
 * {@code /healthz} for 20 s. Here the body is gathered as it comes, by callbacks, and the request
 * only takes a thread once the whole of it is in memory.
 *
 * <p>Bounded by the body limit: a body declared larger than the limit is passed on unread, for
 * {@link BoundedBody} to refuse before it is sent; a chunked body is gathered up to one byte past
 * the limit, and the handlers then see those bytes followed by the rest of the stream, so the
 * refusal and the draining of what remains work as without this handler.
 *
 * <p>Bodies still arriving hold memory but no thread, so the threads no longer bound how many of
 * them there are: a budget of bytes does. A body declaring its length reserves that much when it
 * starts, a chunked one as its chunks come; once handed on, the request's thread bounds it again. A
 * body that finds no room is answered 503 {@code busy} at once.
 */
final class BodyPrefetchingHandler extends Handler.Wrapper {
  private static final byte[] BUSY =
      JsonErrorHandler.json(
          new ApiResponses.ErrorBody(
              "busy",
              "The server is receiving too many request bodies at once; try again in a moment."));

  private final long maxBodyBytes;
  private final long maxArrivingBytes;
  private final AtomicLong arriving = new AtomicLong();

  /**
   * @param maxBodyBytes the body limit that {@link BoundedBody} enforces
   * @param maxArrivingBytes the most bytes all bodies still arriving may hold; raised to one body
   *     of {@code maxBodyBytes} plus a byte if lower, so that one such body can always arrive
   */
  BodyPrefetchingHandler(long maxBodyBytes, long maxArrivingBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxArrivingBytes = Math.max(maxArrivingBytes, maxBodyBytes + 1);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (!chunked && (declared <= 0 || declared > maxBodyBytes)) {
      return super.handle(request, response, callback);
    }
    if (!chunked && !reserve(declared)) {
      refuseAsBusy(request, response, callback);
      return true;
    }
    new Gathering(request, response, callback, chunked, chunked ? maxBodyBytes + 1 : declared)
        .readMore();
    return true;
  }

  /** The bytes that bodies still arriving hold at this moment. */
  long arrivingBytes() {
    return arriving.get();
  }

  private boolean reserve(long bytes) {
    if (arriving.addAndGet(bytes) > maxArrivingBytes) {
      arriving.addAndGet(-bytes);
      return false;
    }
    return true;
  }

  /**
   * Answers 503 at once, then throws away what the client still sends, as {@link
   * BoundedBody#discardRest} does for a 413: closing while the client is still sending makes TCP
   * reset the connection, and the reset can destroy the answer before the client reads it. The
   * connection closes afterwards, since the body was never read.
   */
  private static void refuseAsBusy(Request request, Response response, Callback callback) {
    RequestRecord record = RequestRecord.of(request);
    if (record != null) {
      record.failed("busy");
    }
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    SecurityHeaders.apply(response.getHeaders());
    response.write(
        true,
        ByteBuffer.wrap(BUSY),
        BoundedBody.waitsToSend(request.getHeaders().get(HttpHeader.EXPECT))
            ? callback
            : Callback.from(() -> new Discarding(request, callback).readMore(), callback::failed));
  }

  /**
   * Reads and drops a refused body within BoundedBody's limits, by callbacks, holding no thread.
   */
  private static final class Discarding {
    private final Request request;
    private final Callback callback;
    private final long deadline = System.nanoTime() + BoundedBody.DISCARD_NANOS;
    private long discarded;

    Discarding(Request request, Callback callback) {
      this.request = request;
      this.callback = callback;
    }

    void readMore() {
      while (discarded < BoundedBody.DISCARD_BYTES && System.nanoTime() < deadline) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::readMore);
          return;
        }
        if (Content.Chunk.isFailure(chunk) || chunk.isLast()) {
          chunk.release();
          break;
        }
        discarded += chunk.remaining();
        chunk.release();
      }
      callback.succeeded();
    }
  }

  /** One body being gathered; {@link #readMore} runs again each time more of it arrives. */
  private final class Gathering {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean chunked;
    private final long wanted;
    private final ByteArrayOutputStream body;
    private long reserved;

    Gathering(Request request, Response response, Callback callback, boolean chunked, long wanted) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.chunked = chunked;
      this.wanted = wanted;
      this.reserved = chunked ? 0 : wanted;
      // A declared length is reserved already: room for exactly that, no growing copies.
      this.body = new ByteArrayOutputStream((int) (chunked ? Math.min(wanted, 64 * 1024) : wanted));
    }

    void readMore() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::readMore);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          // The client went away or stalled past the idle timeout: nobody is left to answer.
          release();
          callback.failed(chunk.getFailure());
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        if (chunked && !reserve(bytes.remaining())) {
          chunk.release();
          release();
          refuseAsBusy(request, response, callback);
          return;
        }
        reserved += chunked ? bytes.remaining() : 0;
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last || body.size() >= wanted) {
          byte[] gathered = body.toByteArray();
          release();
          handleWith(new Replayed(request, gathered, last));
          return;
        }
      }
    }

    private void release() {
      arriving.addAndGet(-reserved);
      reserved = 0;
    }

    private void handleWith(Request replayed) {
      try {
        if (!BodyPrefetchingHandler.super.handle(replayed, response, callback)) {
          Response.writeError(replayed, response, callback, 404);
        }
      } catch (Throwable failure) {
        callback.failed(failure);
      }
    }
  }

  /** The request with the gathered bytes read first, then whatever the stream still holds. */
  private static final class Replayed extends Request.Wrapper {
    private Content.Chunk gathered;
    private final boolean complete;

    Replayed(Request request, byte[] body, boolean complete) {
      super(request);
      this.gathered = Content.Chunk.from(ByteBuffer.wrap(body), complete);
      this.complete = complete;
    }

    /** The gathered bytes, then EOF forever if they were the whole body, else the stream. */
    @Override
    public Content.Chunk read() {
      Content.Chunk next = gathered;
      if (next == null) {
        return super.read();
      }
      gathered = complete ? Content.Chunk.EOF : null;
      return next;
    }

    @Override
    public void demand(Runnable demandCallback) {
      if (gathered != null) {
        demandCallback.run();
      } else {
        super.demand(demandCallback);
      }
    }
  }
}
