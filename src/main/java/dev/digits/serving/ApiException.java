package dev.digits.serving;

/**
 * A request the server refuses, with the HTTP status, a short machine-readable code and a sentence
 * for people. {@link ErrorResponses} turns it into the JSON error body.
 *
 * <p>Carries no stack trace: these are expected outcomes of bad input, thrown often under load, and
 * never logged.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  ApiException(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static ApiException badRequest(String code, String detail) {
    return new ApiException(400, code, detail);
  }

  static ApiException notFound(String code, String detail) {
    return new ApiException(404, code, detail);
  }

  static ApiException unsupportedMediaType(String detail) {
    return new ApiException(415, "unsupported_media_type", detail);
  }
}
