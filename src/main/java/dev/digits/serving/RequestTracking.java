package dev.digits.serving;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request a {@link RequestRecord}: its id is the client's {@code X-Request-Id} (a load
 * balancer's or a tracing proxy's) or a new one, and is sent back in the same header, so a client,
 * a proxy's log and this server's log line name the same request.
 */
final class RequestTracking extends Handler.Wrapper {
  static final String HEADER = "X-Request-Id";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    RequestRecord record =
        new RequestRecord(RequestRecord.idFrom(request.getHeaders().get(HEADER)));
    request.setAttribute(RequestRecord.ATTRIBUTE, record);
    response.getHeaders().put(HEADER, record.id());
    return super.handle(request, response, callback);
  }
}
