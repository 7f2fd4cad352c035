package dev.digits.serving;

/** A request body is longer than the server accepts. */
final class BodyTooLargeException extends RuntimeException {
  BodyTooLargeException(long limit) {
    super(
        "The request body is larger than this server accepts (" + limit + " bytes).",
        null,
        false,
        false);
  }
}
