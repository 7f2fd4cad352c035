package dev.digits.benchmark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an image as PNG the way Chromium's {@code canvas.toBlob("image/png")} does, so a load
 * test decodes what the drawing page really sends. Read from an export of headless Chromium 2026:
 * 8-bit RGBA even when every pixel is opaque, every row filtered with Up, deflated at zlib's
 * fastest level, in IDAT chunks of 4,096 bytes. A 280 × 280 drawing comes out at 7–10 KB, two to
 * three times what {@code ImageIO} writes, and costs about twice as much to decode: benchmarking
 * with ImageIO's PNGs would flatter the server.
 */
final class BrowserPngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int RGBA = 6;
  private static final int FILTER_UP = 2;
  private static final int IDAT_BYTES = 4096;

  private BrowserPngEncoder() {}

  static byte[] encode(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(SIGNATURE);
    chunk(
        png,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) RGBA)
            .put(new byte[3])
            .array());
    byte[] compressed = deflate(upFilteredRows(image));
    for (int at = 0; at < compressed.length; at += IDAT_BYTES) {
      int length = Math.min(IDAT_BYTES, compressed.length - at);
      byte[] part = new byte[length];
      System.arraycopy(compressed, at, part, 0, length);
      chunk(png, "IDAT", part);
    }
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static byte[] upFilteredRows(BufferedImage image) {
    int width = image.getWidth();
    int stride = 4 * width;
    byte[] rows = new byte[image.getHeight() * (stride + 1)];
    int[] argb = new int[width];
    byte[] above = new byte[stride];
    byte[] current = new byte[stride];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, width, 1, argb, 0, width);
      for (int x = 0; x < width; x++) {
        int pixel = argb[x];
        current[4 * x] = (byte) (pixel >>> 16);
        current[4 * x + 1] = (byte) (pixel >>> 8);
        current[4 * x + 2] = (byte) pixel;
        current[4 * x + 3] = (byte) (pixel >>> 24);
      }
      int row = y * (stride + 1);
      rows[row] = FILTER_UP;
      for (int i = 0; i < stride; i++) {
        rows[row + 1 + i] = (byte) (current[i] - above[i]);
      }
      byte[] swap = above;
      above = current;
      current = swap;
    }
    return rows;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 16);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
