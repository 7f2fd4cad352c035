package dev.digits.preprocessing;

/**
 * Image formats told apart by their first bytes, never by a declared content type: only PNG and
 * JPEG are decoded, the others are recognised so the refusal can name what was sent.
 */
enum ImageFormat {
  PNG("PNG"),
  JPEG("JPEG"),
  GIF("GIF"),
  BMP("BMP"),
  WEBP("WebP"),
  TIFF("TIFF"),
  ICO("ICO"),
  HEIF("HEIF/AVIF"),
  PDF("PDF"),
  SVG("SVG/XML"),
  UNKNOWN("unknown");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String displayName;

  ImageFormat(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }

  static ImageFormat sniff(byte[] data) {
    if (startsWith(data, 0, PNG_SIGNATURE)) {
      return PNG;
    }
    if (data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
      return JPEG;
    }
    if (startsWith(data, 0, "GIF87a") || startsWith(data, 0, "GIF89a")) {
      return GIF;
    }
    if (startsWith(data, 0, "BM")) {
      return BMP;
    }
    if (startsWith(data, 0, "RIFF") && startsWith(data, 8, "WEBP")) {
      return WEBP;
    }
    if (startsWith(data, 0, "II*\0") || startsWith(data, 0, "MM\0*")) {
      return TIFF;
    }
    if (startsWith(data, 0, new byte[] {0, 0, 1, 0})
        || startsWith(data, 0, new byte[] {0, 0, 2, 0})) {
      return ICO;
    }
    if (startsWith(data, 4, "ftyp")) {
      return HEIF;
    }
    if (startsWith(data, 0, "%PDF")) {
      return PDF;
    }
    if (looksLikeMarkup(data)) {
      return SVG;
    }
    return UNKNOWN;
  }

  private static boolean looksLikeMarkup(byte[] data) {
    int i = startsWith(data, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
    while (i < data.length && Character.isWhitespace(data[i])) {
      i++;
    }
    return startsWith(data, i, "<svg")
        || startsWith(data, i, "<?xml")
        || startsWith(data, i, "<!DOCTYPE svg");
  }

  private static boolean startsWith(byte[] data, int offset, String ascii) {
    if (offset + ascii.length() > data.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (data[offset + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (offset + prefix.length > data.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] data, int index) {
    return data[index] & 0xFF;
  }
}
