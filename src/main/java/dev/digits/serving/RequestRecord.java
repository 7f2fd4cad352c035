package dev.digits.serving;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Request;

/**
 * What the server learns about one request while answering it, for its log line and its metrics:
 * the request id, the route that matched, the model asked and the answer given. {@link
 * RequestTracking} makes one for every request, the handlers fill it in, and {@link
 * CompletedRequest} reads it when the response is complete.
 */
final class RequestRecord {
  /** The request attribute that holds the record. */
  static final String ATTRIBUTE = RequestRecord.class.getName();

  /** Longest request id taken from a client; longer ones are replaced. */
  static final int MAX_ID_LENGTH = 128;

  private final String id;
  private volatile String route;
  private volatile String model;
  private volatile String answer;
  private volatile String error;

  RequestRecord(String id) {
    this.id = id;
  }

  /**
   * The client's {@code X-Request-Id} if it is a sensible one (1–128 visible ASCII characters, no
   * quotes or backslashes, which would need escaping in the log), else a new random one.
   */
  static String idFrom(String header) {
    if (header != null && !header.isEmpty() && header.length() <= MAX_ID_LENGTH) {
      boolean sensible = header.chars().allMatch(c -> c > ' ' && c < 0x7F && c != '"' && c != '\\');
      if (sensible) {
        return header;
      }
    }
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }

  /** The record of a request as Javalin sees it; a detached one if there is none. */
  static RequestRecord of(Context ctx) {
    return ctx.attribute(ATTRIBUTE) instanceof RequestRecord record
        ? record
        : new RequestRecord("-");
  }

  /** The record of a request as Jetty sees it, or null when none was made (a malformed request). */
  static RequestRecord of(Request request) {
    return request.getAttribute(ATTRIBUTE) instanceof RequestRecord record ? record : null;
  }

  /**
   * The route for metrics and logs: the template that matched, {@code /assets/*} for the page's
   * files, {@code NOT_FOUND} for a path no route has, and {@code UNKNOWN} for a request answered
   * before routing (refused by Jetty or as busy). Never the raw path, which a client chooses.
   */
  static String routeLabel(RequestRecord record) {
    return record == null || record.route == null ? "UNKNOWN" : record.route;
  }

  String id() {
    return id;
  }

  /** The route template that matched, e.g. {@code /v2/models/{name}/infer}; null if none. */
  String route() {
    return route;
  }

  String model() {
    return model;
  }

  String answer() {
    return answer;
  }

  /** The error code the response carries, or null for a success. */
  String error() {
    return error;
  }

  void route(String template) {
    this.route = template;
  }

  /** The model that answered and what it said, in a few words. */
  void answered(String modelName, String summary) {
    this.model = modelName;
    this.answer = summary;
  }

  /** The request named this model (it may then fail). */
  void model(String modelName) {
    this.model = modelName;
  }

  void failed(String code) {
    this.error = code;
  }
}
