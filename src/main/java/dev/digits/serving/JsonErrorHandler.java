package dev.digits.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.io.Json;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses, for requests refused before they reach Javalin (a malformed request
 * line, headers too large, a URI Jetty will not route), in the API's JSON error shape instead of
 * Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper MAPPER = Json.responses();

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String reason = HttpStatus.getMessage(code);
    RequestRecord record = RequestRecord.of(request);
    if (record != null) {
      record.failed(code(reason));
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.apply(response.getHeaders());
    response.write(true, body(reason, message), callback);
  }

  private static ByteBuffer body(String reason, String message) {
    String detail = message == null || message.isBlank() ? reason : message;
    return ByteBuffer.wrap(json(new ApiResponses.ErrorBody(code(reason), detail + ".")));
  }

  /** The API's error shape as bytes, for responses written below Javalin. */
  static byte[] json(ApiResponses.ErrorBody error) {
    try {
      return MAPPER.writeValueAsBytes(error);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "Request Header Fields Too Large" → "request_header_fields_too_large". */
  private static String code(String reason) {
    return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }
}
