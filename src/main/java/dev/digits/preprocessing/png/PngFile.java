package dev.digits.preprocessing.png;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The structure of a PNG file, checked without decompressing anything: the header (so the size
 * limits apply before any pixel exists), where the compressed data lies, and whether the whole file
 * is there. Critical chunks must carry a correct CRC; ancillary ones are skipped unread.
 */
public final class PngFile {

  static final int GREY = 0;
  static final int RGB = 2;
  static final int PALETTE = 3;
  static final int GREY_ALPHA = 4;
  static final int RGBA = 6;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int IHDR = chunkType("IHDR");
  private static final int PLTE = chunkType("PLTE");
  private static final int IDAT = chunkType("IDAT");
  private static final int IEND = chunkType("IEND");
  private static final int TRNS = chunkType("tRNS");

  final byte[] data;
  final int width;
  final int height;
  final int bitDepth;
  final int colourType;
  final boolean interlaced;
  final boolean hasTransparencyChunk;

  /** Offsets and lengths into {@link #data} of the IDAT payloads, in order. */
  final int[] idatOffsets;

  final int[] idatLengths;

  private PngFile(
      byte[] data,
      int width,
      int height,
      int bitDepth,
      int colourType,
      boolean interlaced,
      boolean hasTransparencyChunk,
      int[] idatOffsets,
      int[] idatLengths) {
    this.data = data;
    this.width = width;
    this.height = height;
    this.bitDepth = bitDepth;
    this.colourType = colourType;
    this.interlaced = interlaced;
    this.hasTransparencyChunk = hasTransparencyChunk;
    this.idatOffsets = idatOffsets;
    this.idatLengths = idatLengths;
  }

  /** The width in pixels. */
  public int width() {
    return width;
  }

  /** The height in pixels. */
  public int height() {
    return height;
  }

  /** Samples per pixel. */
  int channels() {
    return switch (colourType) {
      case GREY, PALETTE -> 1;
      case GREY_ALPHA -> 2;
      case RGB -> 3;
      default -> 4;
    };
  }

  /**
   * Whether {@link PngScanlines} decodes this file: 8-bit grey, grey+alpha, RGB or RGBA, not
   * interlaced, no colour-key transparency. That is every PNG a browser canvas exports; the rest
   * (palette, 16-bit, sub-byte, interlaced, tRNS) goes to ImageIO.
   */
  public boolean isCommonCase() {
    return bitDepth == 8 && colourType != PALETTE && !interlaced && !hasTransparencyChunk;
  }

  /**
   * Checks an image's declared size before anything of it is decoded, and may refuse it.
   *
   * @param <E> what a refusal throws
   */
  @FunctionalInterface
  public interface SizeCheck<E extends Exception> {
    void require(long width, long height) throws E;
  }

  /**
   * Parses the signature and the chunk layout. {@code sizeCheck} sees the header's width and height
   * before the chunks are walked.
   *
   * @throws PngFormatException when the file breaks the format or is truncated
   * @throws E when the size check refuses the image
   */
  public static <E extends Exception> PngFile parse(byte[] data, SizeCheck<E> sizeCheck)
      throws PngFormatException, E {
    if (data.length < SIGNATURE.length
        || !Arrays.equals(data, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new PngFormatException("The data does not start with PNG's signature.");
    }
    int pos = SIGNATURE.length;
    if (data.length < pos + 12 + 13 || readInt(data, pos) != 13 || readInt(data, pos + 4) != IHDR) {
      throw new PngFormatException("The PNG does not start with a complete IHDR header.");
    }
    long width = readInt(data, pos + 8) & 0xFFFFFFFFL;
    long height = readInt(data, pos + 12) & 0xFFFFFFFFL;
    int bitDepth = data[pos + 16] & 0xFF;
    int colourType = data[pos + 17] & 0xFF;
    int compression = data[pos + 18] & 0xFF;
    int filterMethod = data[pos + 19] & 0xFF;
    int interlace = data[pos + 20] & 0xFF;
    requireCrc(data, pos, 13, "IHDR");
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new PngFormatException(
          "The PNG header declares a "
              + width
              + "×"
              + height
              + " image, which PNG does not allow.");
    }
    sizeCheck.require(width, height);
    requireValidHeader(bitDepth, colourType, compression, filterMethod, interlace);

    pos += 12 + 13;
    boolean hasPalette = false;
    boolean hasTransparency = false;
    int idatCount = 0;
    int[] idatOffsets = new int[8];
    int[] idatLengths = new int[8];
    boolean idatClosed = false;
    while (true) {
      if (pos + 12 > data.length) {
        throw new PngFormatException("The PNG is truncated: it ends before its IEND chunk.");
      }
      int length = readInt(data, pos);
      if (length < 0 || length > data.length - pos - 12) {
        throw new PngFormatException(
            "The PNG is truncated or corrupt: a chunk claims "
                + (length & 0xFFFFFFFFL)
                + " bytes but only "
                + (data.length - pos - 12)
                + " remain.");
      }
      int type = readInt(data, pos + 4);
      requireLetters(type);
      boolean critical = (type & 0x20000000) == 0;
      if (critical) {
        requireCrc(data, pos, length, chunkName(type));
      }
      if (type == IDAT) {
        if (idatClosed) {
          throw new PngFormatException("The PNG's IDAT chunks are not consecutive.");
        }
        if (idatCount == idatOffsets.length) {
          idatOffsets = Arrays.copyOf(idatOffsets, idatCount * 2);
          idatLengths = Arrays.copyOf(idatLengths, idatCount * 2);
        }
        idatOffsets[idatCount] = pos + 8;
        idatLengths[idatCount] = length;
        idatCount++;
      } else {
        idatClosed = idatCount > 0;
        if (type == IEND) {
          break;
        } else if (type == PLTE) {
          hasPalette = true;
        } else if (type == TRNS) {
          hasTransparency = true;
        } else if (critical) {
          throw new PngFormatException(
              "The PNG contains an unknown critical chunk '" + chunkName(type) + "'.");
        }
      }
      pos += 12 + length;
    }
    if (idatCount == 0) {
      throw new PngFormatException("The PNG contains no image data (no IDAT chunk).");
    }
    if (colourType == PALETTE && !hasPalette) {
      throw new PngFormatException("The palette PNG has no PLTE chunk.");
    }
    return new PngFile(
        data,
        (int) width,
        (int) height,
        bitDepth,
        colourType,
        interlace == 1,
        hasTransparency,
        Arrays.copyOf(idatOffsets, idatCount),
        Arrays.copyOf(idatLengths, idatCount));
  }

  private static void requireValidHeader(
      int bitDepth, int colourType, int compression, int filterMethod, int interlace)
      throws PngFormatException {
    boolean depthAllowed =
        switch (colourType) {
          case GREY ->
              bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
          case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
          case RGB, GREY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
          default -> false;
        };
    if (!depthAllowed) {
      throw new PngFormatException(
          "The PNG header is invalid: colour type "
              + colourType
              + " with bit depth "
              + bitDepth
              + ".");
    }
    if (compression != 0 || filterMethod != 0 || interlace > 1) {
      throw new PngFormatException(
          "The PNG header is invalid: compression "
              + compression
              + ", filter method "
              + filterMethod
              + ", interlace "
              + interlace
              + ".");
    }
  }

  private static void requireCrc(byte[] data, int chunkStart, int length, String name)
      throws PngFormatException {
    CRC32 crc = new CRC32();
    crc.update(data, chunkStart + 4, length + 4);
    if ((int) crc.getValue() != readInt(data, chunkStart + 8 + length)) {
      throw new PngFormatException("The PNG is corrupt: the " + name + " chunk fails its CRC.");
    }
  }

  private static void requireLetters(int type) throws PngFormatException {
    for (int shift = 24; shift >= 0; shift -= 8) {
      int c = (type >>> shift) & 0xFF;
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        throw new PngFormatException("The PNG is corrupt: a chunk type is not four letters.");
      }
    }
  }

  static int readInt(byte[] data, int pos) {
    return (data[pos] & 0xFF) << 24
        | (data[pos + 1] & 0xFF) << 16
        | (data[pos + 2] & 0xFF) << 8
        | (data[pos + 3] & 0xFF);
  }

  private static int chunkType(String name) {
    return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
  }

  private static String chunkName(int type) {
    return new String(
        new char[] {
          (char) (type >>> 24),
          (char) ((type >>> 16) & 0xFF),
          (char) ((type >>> 8) & 0xFF),
          (char) (type & 0xFF)
        });
  }
}
