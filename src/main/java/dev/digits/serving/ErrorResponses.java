package dev.digits.serving;

import dev.digits.preprocessing.PreprocessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error is {@code {"error": code, "detail":
 * sentence}} with its status. Bad input is the client's business and is not logged; anything else
 * is a fault of the server, logged once here and answered with a generic 500.
 */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> apiError(ctx, e));
    routes.exception(BodyTooLargeException.class, ErrorResponses::bodyTooLarge);
    routes.exception(
        UnknownModelException.class, (e, ctx) -> send(ctx, 404, "unknown_model", e.getMessage()));
    routes.exception(PreprocessingException.class, ErrorResponses::imageError);
    routes.exception(HttpResponseException.class, ErrorResponses::javalinError);
    routes.exception(Exception.class, ErrorResponses::unexpected);
  }

  private static void apiError(Context ctx, ApiException e) {
    send(ctx, e.status(), e.code(), e.getMessage());
  }

  /**
   * A 413 is written and flushed at once, and only then is the rest of the body thrown away: the
   * client can read its answer while it is still sending, and no reset destroys the answer.
   */
  private static void bodyTooLarge(BodyTooLargeException e, Context ctx) {
    RequestRecord.of(ctx).failed("body_too_large");
    Object error = body(ctx, "body_too_large", e.getMessage());
    byte[] body =
        ctx.jsonMapper().toJsonString(error, error.getClass()).getBytes(StandardCharsets.UTF_8);
    HttpServletResponse response = ctx.res();
    response.setStatus(413);
    response.setContentType("application/json");
    response.setHeader("Connection", "close");
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
      response.flushBuffer();
    } catch (IOException gone) {
      return;
    }
    BoundedBody.discardRest(ctx.req());
  }

  private static void imageError(PreprocessingException e, Context ctx) {
    switch (e.reason()) {
      case MALFORMED -> send(ctx, 400, "invalid_image", e.getMessage());
      case UNSUPPORTED_FORMAT -> send(ctx, 415, "unsupported_image_type", e.getMessage());
      case ENCODED_TOO_LARGE -> send(ctx, 413, "image_file_too_large", e.getMessage());
      case IMAGE_TOO_LARGE -> send(ctx, 422, "too_many_pixels", e.getMessage());
      case NO_INK -> send(ctx, 422, "no_digit_found", e.getMessage());
      case BUSY -> send(ctx, 503, "busy", e.getMessage());
    }
  }

  /** Javalin's own refusals: no route (404), or a route without this method (405). */
  private static void javalinError(HttpResponseException e, Context ctx) {
    switch (e.getStatus()) {
      case 404 ->
          send(ctx, 404, "not_found", "No route answers " + ctx.method() + " " + ctx.path() + ".");
      case 405 -> {
        String allowed = e.getDetails().getOrDefault("availableMethods", "");
        ctx.header("Allow", allowed);
        send(ctx, 405, "method_not_allowed", ctx.path() + " answers only " + allowed + ".");
      }
      default -> send(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
    }
  }

  private static void unexpected(Exception e, Context ctx) {
    LOG.error(
        "Unexpected failure answering {} {} (request {})",
        ctx.method(),
        ctx.path(),
        RequestRecord.of(ctx).id(),
        e);
    send(
        ctx,
        500,
        "internal_error",
        "Something went wrong on the server. The failure was logged; please try again.");
  }

  private static void send(Context ctx, int status, String code, String detail) {
    RequestRecord.of(ctx).failed(code);
    if (status == 503) {
      // Every 503 here passes (models loading, memory taken by other images): say when to retry.
      ctx.header("Retry-After", "1");
    }
    ctx.status(isInferenceProtocol(ctx) ? inferenceProtocolStatus(status) : status)
        .json(body(ctx, code, detail));
  }

  /** The app's {"error": code, "detail": sentence}, or the inference protocol's {"error": text}. */
  private static Object body(Context ctx, String code, String detail) {
    return isInferenceProtocol(ctx)
        ? new InferenceResponses.Error(detail)
        : new ApiResponses.ErrorBody(code, detail);
  }

  private static boolean isInferenceProtocol(Context ctx) {
    String path = ctx.path();
    return path.equals(InferenceProtocol.PREFIX) || path.startsWith(InferenceProtocol.PREFIX + "/");
  }

  /**
   * The protocol answers a client's mistakes with 400, or 404 for what does not exist; the status
   * of a method, a size or the server's state stays what it is.
   */
  private static int inferenceProtocolStatus(int status) {
    return switch (status) {
      case 404, 405, 413 -> status;
      default -> status >= 400 && status < 500 ? 400 : status;
    };
  }
}
