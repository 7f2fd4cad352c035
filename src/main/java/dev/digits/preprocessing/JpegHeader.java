package dev.digits.preprocessing;

/**
 * What a JPEG's markers say before any pixel is decoded: the frame size (for the limits), the
 * coding process and colour components (only Huffman-coded grey, YCbCr/RGB and CMYK/YCCK are
 * decoded), the EXIF orientation, and whether the file reaches its end-of-image marker. ImageIO
 * pads a truncated JPEG with grey and only warns, so truncation is caught here instead.
 *
 * @param components 1 (grey), 3 (YCbCr or RGB) or 4 (CMYK or YCCK)
 * @param orientation the EXIF orientation, 1 (as stored) to 8; 1 when absent or unreadable
 */
record JpegHeader(int width, int height, int components, int orientation) {

  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int APP1 = 0xE1;
  private static final int TAG_ORIENTATION = 0x0112;

  static JpegHeader parse(byte[] data, PreprocessingLimits limits) throws PreprocessingException {
    int pos = 2;
    int orientation = 1;
    int frameMarker = -1;
    int width = 0;
    int height = 0;
    int components = 0;
    while (true) {
      if (pos + 2 > data.length) {
        throw PreprocessingException.malformed(
            "The JPEG is truncated: it ends inside its headers.");
      }
      if ((data[pos] & 0xFF) != 0xFF) {
        throw PreprocessingException.malformed(
            "The JPEG is corrupt: expected a marker at byte " + pos + ".");
      }
      int marker = data[pos + 1] & 0xFF;
      pos += 2;
      if (marker == 0xFF) {
        pos--; // fill byte: the marker code follows
        continue;
      }
      if (marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers without a length field
      }
      if (marker == EOI) {
        throw PreprocessingException.malformed("The JPEG ends before its image data.");
      }
      if (pos + 2 > data.length) {
        throw PreprocessingException.malformed(
            "The JPEG is truncated: it ends inside its headers.");
      }
      int length = u16(data, pos);
      if (length < 2 || pos + length > data.length) {
        throw PreprocessingException.malformed(
            "The JPEG is truncated or corrupt: a segment overruns the file.");
      }
      if (marker == SOS) {
        if (frameMarker < 0) {
          throw PreprocessingException.malformed(
              "The JPEG has image data before its frame header.");
        }
        requireEndOfImageAfter(data, pos);
        break;
      }
      if (isFrameMarker(marker) && frameMarker < 0) {
        if (length < 8) {
          throw PreprocessingException.malformed("The JPEG's frame header is too short.");
        }
        frameMarker = marker;
        height = u16(data, pos + 3);
        width = u16(data, pos + 5);
        components = data[pos + 7] & 0xFF;
      } else if (marker == APP1) {
        orientation = ExifOrientation.read(data, pos + 2, length - 2, orientation);
      }
      pos += length;
    }
    requireDecodable(frameMarker, components);
    if (width == 0 || height == 0) {
      throw PreprocessingException.malformed(
          "The JPEG declares a "
              + width
              + "×"
              + height
              + " frame; its size must be in the header.");
    }
    limits.requireDimensions(width, height);
    return new JpegHeader(width, height, components, orientation);
  }

  private static boolean isFrameMarker(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static void requireDecodable(int frameMarker, int components)
      throws PreprocessingException {
    String process =
        switch (frameMarker) {
          case 0xC0, 0xC1, 0xC2 -> null;
          case 0xC3 -> "lossless";
          case 0xC5, 0xC6, 0xC7 -> "hierarchical";
          default -> "arithmetic-coded";
        };
    if (process != null) {
      throw PreprocessingException.unsupported(
          "This is a "
              + process
              + " JPEG, which is not supported; save it as a standard JPEG or PNG.");
    }
    if (components != 1 && components != 3 && components != 4) {
      throw PreprocessingException.unsupported(
          "JPEGs with "
              + components
              + " colour components are not supported; use grey, RGB or CMYK.");
    }
  }

  /**
   * Entropy-coded data never contains 0xFF 0xD9 (0xFF bytes are stuffed), so the last such pair
   * after the first scan is the end-of-image marker; trailing bytes after it are allowed.
   */
  private static void requireEndOfImageAfter(byte[] data, int scanStart)
      throws PreprocessingException {
    for (int i = data.length - 2; i >= scanStart; i--) {
      if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == EOI) {
        return;
      }
    }
    throw PreprocessingException.malformed(
        "The JPEG is truncated: its end-of-image marker is missing.");
  }

  private static int u16(byte[] data, int pos) {
    return (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
  }

  /** Reads tag 0x0112 from IFD0 of an APP1 "Exif" segment; any inconsistency means "as stored". */
  private static final class ExifOrientation {

    private ExifOrientation() {}

    static int read(byte[] data, int start, int length, int fallback) {
      int end = start + length;
      if (length < 14 || !isExifHeader(data, start)) {
        return fallback;
      }
      int tiff = start + 6;
      boolean littleEndian;
      if (data[tiff] == 'I' && data[tiff + 1] == 'I') {
        littleEndian = true;
      } else if (data[tiff] == 'M' && data[tiff + 1] == 'M') {
        littleEndian = false;
      } else {
        return fallback;
      }
      long ifd = tiff + (read32(data, tiff + 4, littleEndian) & 0xFFFFFFFFL);
      if (ifd + 2 > end) {
        return fallback;
      }
      int entries = read16(data, (int) ifd, littleEndian);
      for (int e = 0; e < entries; e++) {
        int entry = (int) ifd + 2 + e * 12;
        if (entry + 12 > end) {
          return fallback;
        }
        if (read16(data, entry, littleEndian) == TAG_ORIENTATION) {
          int value = read16(data, entry + 8, littleEndian);
          return value >= 1 && value <= 8 ? value : fallback;
        }
      }
      return fallback;
    }

    private static boolean isExifHeader(byte[] data, int start) {
      return data[start] == 'E'
          && data[start + 1] == 'x'
          && data[start + 2] == 'i'
          && data[start + 3] == 'f'
          && data[start + 4] == 0
          && data[start + 5] == 0;
    }

    private static int read16(byte[] data, int pos, boolean littleEndian) {
      int a = data[pos] & 0xFF;
      int b = data[pos + 1] & 0xFF;
      return littleEndian ? b << 8 | a : a << 8 | b;
    }

    private static int read32(byte[] data, int pos, boolean littleEndian) {
      int high = read16(data, littleEndian ? pos + 2 : pos, littleEndian);
      int low = read16(data, littleEndian ? pos : pos + 2, littleEndian);
      return high << 16 | low;
    }
  }
}
