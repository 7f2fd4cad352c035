package dev.digits.preprocessing;

import java.util.Base64;
import java.util.Locale;

/**
 * Reads the bytes out of a {@code data:image/png;base64,...} URL as a browser's {@code
 * canvas.toDataURL()} makes it. Whitespace inside the base64 is tolerated (it appears when the URL
 * was wrapped or pasted); anything else that is not base64 is refused rather than skipped.
 */
final class DataUrl {

  private static final String SCHEME = "data:";

  private DataUrl() {}

  static byte[] decode(String url, PreprocessingLimits limits) throws PreprocessingException {
    int start = skipWhitespace(url, 0);
    if (!url.regionMatches(true, start, SCHEME, 0, SCHEME.length())) {
      throw PreprocessingException.malformed(
          "Expected a data URL such as data:image/png;base64,…; it does not start with 'data:'.");
    }
    int comma = url.indexOf(',', start);
    if (comma < 0) {
      throw PreprocessingException.malformed("The data URL has no ',' before its data.");
    }
    String[] header = url.substring(start + SCHEME.length(), comma).split(";", -1);
    String mediaType = header[0].trim().toLowerCase(Locale.ROOT);
    if (!isImageType(mediaType)) {
      throw PreprocessingException.unsupported(
          "The data URL holds '"
              + (mediaType.isEmpty() ? "text/plain" : mediaType)
              + "'; only image/png and image/jpeg are accepted.");
    }
    if (!declaresBase64(header)) {
      throw PreprocessingException.malformed(
          "The data URL is not base64-encoded (';base64' is missing).");
    }
    return decodeBase64(url, comma + 1, limits);
  }

  /**
   * The bytes of a file sent as bare base64, without a data URL's header, as the Open Inference
   * Protocol's BYTES tensors carry files.
   */
  static byte[] decodeBase64(String base64, PreprocessingLimits limits)
      throws PreprocessingException {
    return decodeBase64(base64, 0, limits);
  }

  private static boolean isImageType(String mediaType) {
    return mediaType.equals("image/png")
        || mediaType.equals("image/jpeg")
        || mediaType.equals("image/jpg");
  }

  private static boolean declaresBase64(String[] header) {
    for (int i = 1; i < header.length; i++) {
      if (header[i].trim().equalsIgnoreCase("base64")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] decodeBase64(String url, int from, PreprocessingLimits limits)
      throws PreprocessingException {
    int symbols = 0;
    for (int i = from; i < url.length(); i++) {
      if (!isWhitespace(url.charAt(i))) {
        symbols++;
      }
    }
    // Checked before decoding so an oversized upload is never materialised twice.
    limits.requireEncodedSize((long) symbols / 4 * 3);
    byte[] ascii = new byte[symbols];
    int n = 0;
    for (int i = from; i < url.length(); i++) {
      char c = url.charAt(i);
      if (isWhitespace(c)) {
        continue;
      }
      if (c > 0x7F) {
        throw PreprocessingException.malformed(
            "The base64 contains the non-ASCII character U+"
                + String.format("%04X", (int) c)
                + ".");
      }
      ascii[n++] = (byte) c;
    }
    if (n == 0) {
      throw PreprocessingException.malformed("There is no data to decode.");
    }
    try {
      return Base64.getDecoder().decode(ascii);
    } catch (IllegalArgumentException e) {
      throw PreprocessingException.malformed("The base64 is invalid: " + e.getMessage());
    }
  }

  private static int skipWhitespace(String s, int from) {
    int i = from;
    while (i < s.length() && isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
  }
}
