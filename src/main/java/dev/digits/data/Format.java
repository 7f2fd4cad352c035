package dev.digits.data;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.util.Locale;

/** Short human-readable texts shared by progress lines and error messages. */
final class Format {
  private Format() {}

  /** "5 s", "0.5 s". */
  static String seconds(Duration duration) {
    double seconds = duration.toMillis() / 1000.0;
    return seconds == Math.rint(seconds)
        ? (long) seconds + " s"
        : String.format(Locale.ROOT, "%.1f s", seconds);
  }

  /** The first 12 hex digits, enough to tell two SHA-256s apart in a message. */
  static String hashPrefix(String sha256) {
    return sha256.substring(0, Math.min(12, sha256.length())) + "…";
  }

  /**
   * Why an operation failed, in a few words. File-system exceptions carry only a path as their
   * message, so their type is turned into words here.
   */
  static String reason(Throwable failure) {
    if (failure instanceof FileSystemException fs) {
      String file = fs.getFile();
      if (fs instanceof AccessDeniedException) {
        return "permission denied: " + file;
      }
      if (fs instanceof FileAlreadyExistsException) {
        return file + " already exists and is not a folder";
      }
      if (fs instanceof NoSuchFileException) {
        return file + " does not exist";
      }
      if (fs instanceof NotDirectoryException) {
        return file + " is not a folder";
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
