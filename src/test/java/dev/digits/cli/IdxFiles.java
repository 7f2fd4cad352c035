package dev.digits.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small IDX files for command-line tests, well-formed or deliberately not. */
final class IdxFiles {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private IdxFiles() {}

  /** {@code count} 28×28 images of varying strokes. */
  static Path images(Path file, int count) throws IOException {
    byte[] pixels = new byte[count * 784];
    for (int i = 0; i < pixels.length; i++) {
      int x = i % 28;
      int y = i / 28 % 28;
      pixels[i] = (byte) (Math.abs(x - y - i / 784 % 7) < 2 ? 255 : 0);
    }
    return write(file, IMAGES_MAGIC, new int[] {count, 28, 28}, pixels);
  }

  /** {@code count} labels cycling through the digits 0 to 9. */
  static Path labels(Path file, int count) throws IOException {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 10);
    }
    return write(file, LABELS_MAGIC, new int[] {count}, labels);
  }

  /** Any magic, dimensions and data, whether they agree or not. */
  static Path write(Path file, int magic, int[] dimensions, byte[] data) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.putInt(magic);
    for (int dimension : dimensions) {
      buffer.putInt(dimension);
    }
    buffer.put(data);
    return Files.write(file, buffer.array());
  }
}
