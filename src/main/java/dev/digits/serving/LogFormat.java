package dev.digits.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.digits.io.Json;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * How the server writes its one line per request: time, request id, method, route, status, body
 * bytes, duration, model and answer (or error code).
 */
public enum LogFormat {
  /** Words separated by spaces, for people reading a terminal. */
  PLAIN {
    @Override
    String line(CompletedRequest request) {
      StringBuilder line =
          new StringBuilder(160)
              .append(request.time())
              .append(' ')
              .append(request.id())
              .append(' ')
              .append(request.method())
              .append(' ')
              .append(request.route().startsWith("/") ? request.route() : request.path())
              .append(' ')
              .append(request.status())
              .append(' ')
              .append(request.bytes())
              .append("B ")
              .append(String.format(Locale.ROOT, "%.1fms", request.nanos() / 1e6));
      if (request.model() != null) {
        line.append(" model=").append(request.model());
      }
      if (request.answer() != null) {
        line.append(" answer=\"").append(request.answer()).append('"');
      }
      if (request.error() != null) {
        line.append(" error=").append(request.error());
      }
      return line.toString();
    }
  },

  /** One JSON object a line, for log collectors. */
  JSON {
    // The mapper is looked up per line, not kept in a field: picocli lists these constants when any
    // command starts, and building Jackson's mappers then would delay every command's start.
    @Override
    String line(CompletedRequest request) {
      try {
        return Json.responses().writeValueAsString(JsonLine.of(request));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /** No request log. */
  OFF {
    @Override
    String line(CompletedRequest request) {
      return null;
    }
  };

  /** The request's log line, or null for none. */
  abstract String line(CompletedRequest request);

  /** The JSON line's fields, those without a value left out; the route and the path as sent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record JsonLine(
      String time,
      String id,
      String method,
      String route,
      String path,
      int status,
      long bytes,
      double durationMs,
      String model,
      String answer,
      String error) {
    static JsonLine of(CompletedRequest request) {
      return new JsonLine(
          request.time().toString(),
          request.id(),
          request.method(),
          request.route(),
          request.path(),
          request.status(),
          request.bytes(),
          Math.round(request.nanos() / 1e4) / 100.0,
          request.model(),
          request.answer(),
          request.error());
    }
  }
}
