package dev.digits.preprocessing;

import java.util.Objects;

/**
 * An image that cannot become a digit, with the {@link Reason} a caller maps to a response and a
 * message written for the person who sent the image.
 */
public final class PreprocessingException extends Exception {

  /** Why an image was refused; each constant names the HTTP status the web layer answers with. */
  public enum Reason {
    /** 400 Bad Request: bad base64 or data URL, a file that does not decode, a truncated file. */
    MALFORMED,
    /**
     * 415 Unsupported Media Type: anything but PNG and JPEG (GIF, BMP, WebP, SVG, arithmetic-coded
     * JPEG…).
     */
    UNSUPPORTED_FORMAT,
    /**
     * 422 Unprocessable Content: the image decodes but holds no ink (blank, uniform, transparent).
     */
    NO_INK,
    /**
     * 413 Content Too Large: more encoded bytes than {@link PreprocessingLimits#maxEncodedBytes}.
     */
    ENCODED_TOO_LARGE,
    /**
     * 422 Unprocessable Content: the header declares more pixels or a longer side than the limits
     * allow; the request itself was small enough, its content is what is refused.
     */
    IMAGE_TOO_LARGE,
    /**
     * 503 Service Unavailable: the memory for preprocessing is held by other images for longer than
     * the {@link DecodingBudget} waits; the same request may succeed a moment later.
     */
    BUSY
  }

  private final Reason reason;

  /** An exception for {@code reason} with a message naming the problem (and the limit, if any). */
  public PreprocessingException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  PreprocessingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the image was refused. */
  public Reason reason() {
    return reason;
  }

  static PreprocessingException malformed(String message) {
    return new PreprocessingException(Reason.MALFORMED, message);
  }

  static PreprocessingException noInk(String message) {
    return new PreprocessingException(Reason.NO_INK, message);
  }

  static PreprocessingException busy(String message) {
    return new PreprocessingException(Reason.BUSY, message);
  }

  static PreprocessingException unsupported(String message) {
    return new PreprocessingException(Reason.UNSUPPORTED_FORMAT, message);
  }
}
