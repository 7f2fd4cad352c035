package dev.digits.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes 8-bit greyscale PNGs: a few lines of our own instead of ImageIO's writer machinery, for
 * the digits that reports embed and the 28×28 input the server shows.
 */
public final class GreyPngEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private GreyPngEncoder() {}

  /** A PNG of {@code width × height} grey levels, row-major, 0 black and 255 white. */
  public static byte[] encode(byte[] grey, int width, int height) {
    byte[] raw = new byte[height * (width + 1)];
    for (int y = 0; y < height; y++) {
      // Filter type 0 (none): these images are tiny and compress well without filtering.
      System.arraycopy(grey, y * width, raw, y * (width + 1) + 1, width);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + raw.length / 4);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8;
    chunk(out, "IHDR", header, header.length);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] compressed = new byte[raw.length + raw.length / 1000 + 64];
      int length = 0;
      while (!deflater.finished()) {
        if (length == compressed.length) {
          compressed = Arrays.copyOf(compressed, compressed.length * 2);
        }
        length += deflater.deflate(compressed, length, compressed.length - length);
      }
      chunk(out, "IDAT", compressed, length);
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(typeBytes, 0, head, 4, 4);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data, 0, length);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.writeBytes(head);
    out.write(data, 0, length);
    out.writeBytes(tail);
  }

  private static void putInt(byte[] target, int offset, int value) {
    target[offset] = (byte) (value >>> 24);
    target[offset + 1] = (byte) (value >>> 16);
    target[offset + 2] = (byte) (value >>> 8);
    target[offset + 3] = (byte) value;
  }
}
