package dev.digits.preprocessing.png;

/** A PNG file, or the zlib stream inside it, that breaks the format: the message says where. */
public final class PngFormatException extends Exception {
  PngFormatException(String message) {
    super(message);
  }
}
