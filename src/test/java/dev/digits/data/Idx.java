package dev.digits.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX bytes for tests, including deliberately wrong ones. */
final class Idx {
  private Idx() {}

  /** A well-formed image file whose pixels are a simple function of their position. */
  static byte[] images(int count, int rows, int cols) {
    byte[] pixels = new byte[count * rows * cols];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 37);
    }
    return withHeader(0x00000803, new int[] {count, rows, cols}, pixels);
  }

  /** A well-formed label file. */
  static byte[] labels(int... labels) {
    byte[] data = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      data[i] = (byte) labels[i];
    }
    return withHeader(0x00000801, new int[] {labels.length}, data);
  }

  /** Any magic, dimensions and data, whether they agree or not. */
  static byte[] withHeader(int magic, int[] dimensions, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.putInt(magic);
    for (int dimension : dimensions) {
      buffer.putInt(dimension);
    }
    buffer.put(data);
    return buffer.array();
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
