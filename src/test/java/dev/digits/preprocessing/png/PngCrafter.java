package dev.digits.preprocessing.png;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds PNG files byte by byte, so tests control filters, chunking and header fields; public for
 * the preprocessing tests that need hostile PNGs.
 */
public final class PngCrafter {

  public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngCrafter() {}

  /**
   * A non-interlaced PNG of whole-byte samples: {@code rows[y]} holds row y unfiltered, and is
   * filtered with {@code filters[y % filters.length]}; the compressed data is split into {@code
   * idatPieces} IDAT chunks.
   */
  public static byte[] png(
      int width,
      int height,
      int bitDepth,
      int colourType,
      byte[][] rows,
      int[] filters,
      int idatPieces) {
    int bpp = channels(colourType) * bitDepth / 8;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    byte[] previous = new byte[rows[0].length];
    for (int y = 0; y < height; y++) {
      int filter = filters[y % filters.length];
      raw.write(filter);
      raw.writeBytes(filterRow(rows[y], previous, filter, bpp));
      previous = rows[y];
    }
    byte[] compressed = deflate(raw.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    out.writeBytes(chunk("IHDR", ihdr(width, height, bitDepth, colourType, 0)));
    int piece = Math.max(1, (compressed.length + idatPieces - 1) / idatPieces);
    for (int start = 0; start < compressed.length; start += piece) {
      byte[] part =
          Arrays.copyOfRange(compressed, start, Math.min(compressed.length, start + piece));
      out.writeBytes(chunk("IDAT", part));
    }
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  public static int channels(int colourType) {
    return switch (colourType) {
      case 0, 3 -> 1;
      case 4 -> 2;
      case 2 -> 3;
      default -> 4;
    };
  }

  public static byte[] ihdr(long width, long height, int bitDepth, int colourType, int interlace) {
    byte[] header = new byte[13];
    putInt(header, 0, (int) width);
    putInt(header, 4, (int) height);
    header[8] = (byte) bitDepth;
    header[9] = (byte) colourType;
    header[12] = (byte) interlace;
    return header;
  }

  public static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    byte[] chunk = new byte[12 + data.length];
    putInt(chunk, 0, data.length);
    System.arraycopy(typeBytes, 0, chunk, 4, 4);
    System.arraycopy(data, 0, chunk, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, 4 + data.length);
    putInt(chunk, 8 + data.length, (int) crc.getValue());
    return chunk;
  }

  public static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** The parts, one after the other. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** The PNG with {@code chunk} inserted before its first IDAT chunk. */
  public static byte[] withChunkBeforeIdat(byte[] png, byte[] chunk) {
    int idat = indexOf(png, "IDAT", 0) - 4;
    return concat(Arrays.copyOf(png, idat), chunk, Arrays.copyOfRange(png, idat, png.length));
  }

  /** Where {@code ascii} first occurs in {@code data} from {@code from} on, or -1. */
  static int indexOf(byte[] data, String ascii, int from) {
    outer:
    for (int i = from; i <= data.length - ascii.length(); i++) {
      for (int j = 0; j < ascii.length(); j++) {
        if (data[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] filterRow(byte[] row, byte[] above, int filter, int bpp) {
    byte[] out = new byte[row.length];
    for (int i = 0; i < row.length; i++) {
      int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
      int up = above[i] & 0xFF;
      int upLeft = i >= bpp ? above[i - bpp] & 0xFF : 0;
      int predictor =
          switch (filter) {
            case 0 -> 0;
            case 1 -> left;
            case 2 -> up;
            case 3 -> (left + up) / 2;
            case 4 -> paeth(left, up, upLeft);
            default -> throw new IllegalArgumentException("filter " + filter);
          };
      out[i] = (byte) ((row[i] & 0xFF) - predictor);
    }
    return out;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  static void putInt(byte[] target, int offset, int value) {
    target[offset] = (byte) (value >>> 24);
    target[offset + 1] = (byte) (value >>> 16);
    target[offset + 2] = (byte) (value >>> 8);
    target[offset + 3] = (byte) value;
  }
}
