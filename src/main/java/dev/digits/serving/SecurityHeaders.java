package dev.digits.serving;

import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers that keep the page to itself: scripts, styles and requests only from this server (the
 * page loads nothing from elsewhere), no framing, no MIME sniffing, no referrer leaking out. Images
 * may also be {@code data:} (the model's input comes back as a data URL) and {@code blob:} (an
 * uploaded photo is shown from memory).
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    HEADERS.forEach(ctx::header);
  }

  /** The same headers on a response written below Javalin (Jetty's errors, early refusals). */
  static void apply(HttpFields.Mutable headers) {
    HEADERS.forEach(headers::put);
  }
}
