package dev.digits.serving;

import io.javalin.http.Context;

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

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }
}
