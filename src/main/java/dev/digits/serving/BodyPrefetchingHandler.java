package dev.digits.serving;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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
 */
final class BodyPrefetchingHandler extends Handler.Wrapper {
  private final long maxBodyBytes;

  BodyPrefetchingHandler(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (!chunked && (declared <= 0 || declared > maxBodyBytes)) {
      return super.handle(request, response, callback);
    }
    new Gathering(request, response, callback, chunked ? maxBodyBytes + 1 : declared).readMore();
    return true;
  }

  /** One body being gathered; {@link #readMore} runs again each time more of it arrives. */
  private final class Gathering {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long wanted;
    private final ByteArrayOutputStream body;

    Gathering(Request request, Response response, Callback callback, long wanted) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.wanted = wanted;
      this.body = new ByteArrayOutputStream((int) Math.min(wanted, 64 * 1024));
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
          callback.failed(chunk.getFailure());
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last || body.size() >= wanted) {
          handleWith(new Replayed(request, body.toByteArray(), last));
          return;
        }
      }
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

    @Override
    public Content.Chunk read() {
      Content.Chunk next = gathered;
      if (next != null) {
        gathered = complete ? Content.Chunk.EOF : null;
        return next;
      }
      return complete ? Content.Chunk.EOF : super.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      if (gathered != null || complete) {
        demandCallback.run();
      } else {
        super.demand(demandCallback);
      }
    }
  }
}
