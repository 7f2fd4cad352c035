package dev.digits.serving;

import java.time.Instant;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One answered request, as its log line and the error counter see it.
 *
 * @param time when the request arrived
 * @param id its {@code X-Request-Id}, or "-" for a request Jetty refused before reading it whole
 * @param method the HTTP method
 * @param path the path, without the query
 * @param route the route template that answered, or see {@link RequestRecord#routeLabel}
 * @param status the response's status
 * @param bytes the response body's length
 * @param nanos from the request's first byte to the response's last
 * @param model the model asked, or null
 * @param answer what the model said, in a few words, or null
 * @param error the error code of a 4xx or 5xx answer, or null
 */
record CompletedRequest(
    Instant time,
    String id,
    String method,
    String path,
    String route,
    int status,
    long bytes,
    long nanos,
    String model,
    String answer,
    String error) {

  static CompletedRequest of(Request request, Response response, long nowNanos) {
    RequestRecord record = RequestRecord.of(request);
    int status = response.getStatus();
    return new CompletedRequest(
        Instant.ofEpochMilli(Request.getTimeStamp(request)),
        record == null ? "-" : record.id(),
        request.getMethod(),
        request.getHttpURI().getPath(),
        RequestRecord.routeLabel(record),
        status,
        Response.getContentBytesWritten(response),
        nowNanos - request.getBeginNanoTime(),
        record == null ? null : record.model(),
        record == null ? null : record.answer(),
        status >= 400 ? errorCode(record, status) : null);
  }

  /** The code the JSON error body carries; responses written below Javalin say their status. */
  private static String errorCode(RequestRecord record, int status) {
    return record != null && record.error() != null ? record.error() : "http_" + status;
  }
}
