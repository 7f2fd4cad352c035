package dev.digits.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format MNIST is published in: a big-endian magic number whose third byte is
 * the element type (0x08, unsigned byte) and fourth the number of dimensions, the dimensions as
 * 32-bit integers, then the data. Gzipped files are recognised by their first two bytes.
 *
 * <p>Every check names the file: a wrong magic number, a dimension that is zero or absurd, a label
 * outside 0–9, data shorter (truncated) or longer than the header promises.
 */
public final class IdxReader {
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;
  private static final int MAX_SIDE = 1 << 12;

  private IdxReader() {}

  /** Reads an image file (magic 0x00000803: count × rows × cols unsigned bytes). */
  public static IdxImages readImages(Path file) throws IOException {
    return parseImages(file.getFileName().toString(), rawBytes(file));
  }

  /** Reads a label file (magic 0x00000801: count unsigned bytes, each 0–9). */
  public static byte[] readLabels(Path file) throws IOException {
    return parseLabels(file.getFileName().toString(), rawBytes(file));
  }

  /** Parses the raw (un-gzipped) bytes of an image file. */
  public static IdxImages parseImages(String name, byte[] raw) throws IdxFormatException {
    ByteBuffer in = header(name, raw, IMAGES_MAGIC, 16, "images");
    int count = in.getInt();
    int rows = in.getInt();
    int cols = in.getInt();
    if (count <= 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
      throw new IdxFormatException(
          name, "implausible dimensions " + count + " × " + rows + " × " + cols);
    }
    long expected = (long) count * rows * cols;
    checkLength(name, raw.length - 16L, expected, "pixel");
    byte[] pixels = new byte[(int) expected];
    in.get(pixels);
    return new IdxImages(count, rows, cols, pixels);
  }

  /** Parses the raw (un-gzipped) bytes of a label file. */
  public static byte[] parseLabels(String name, byte[] raw) throws IdxFormatException {
    ByteBuffer in = header(name, raw, LABELS_MAGIC, 8, "labels");
    int count = in.getInt();
    if (count <= 0) {
      throw new IdxFormatException(name, "implausible label count " + count);
    }
    checkLength(name, raw.length - 8L, count, "label");
    byte[] labels = new byte[count];
    in.get(labels);
    for (int i = 0; i < count; i++) {
      if (labels[i] < 0 || labels[i] > 9) {
        throw new IdxFormatException(
            name, "label " + i + " is " + (labels[i] & 0xFF) + ", not a digit 0–9");
      }
    }
    return labels;
  }

  /** The file's bytes, un-gzipped when it starts with the gzip signature. */
  public static byte[] rawBytes(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IdxFormatException(file.toString(), "is a folder, not an IDX file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "file not found");
    }
    return isGzip(bytes) ? gunzip(file.getFileName().toString(), bytes) : bytes;
  }

  /** True when the bytes start with the gzip signature 1f 8b. */
  public static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
  }

  /**
   * The stream's content, un-gzipped when it starts with the gzip signature. For sources whose
   * files may or may not be compressed: a mirror may serve {@code .gz} files already decompressed.
   * Damaged gzip data surfaces as an {@link IOException} that says "corrupt gzip data".
   */
  public static InputStream decompressIfGzipped(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    buffered.mark(2);
    byte[] head = buffered.readNBytes(2);
    buffered.reset();
    if (!isGzip(head)) {
      return buffered;
    }
    try {
      return new CheckedGzipInputStream(buffered);
    } catch (ZipException | EOFException e) {
      throw CheckedGzipInputStream.corrupt(e);
    }
  }

  /** Decompresses gzip bytes, naming the file if they are corrupt. */
  public static byte[] gunzip(String name, byte[] gzipped) throws IdxFormatException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gzipped.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")");
    }
  }

  private static ByteBuffer header(
      String name, byte[] raw, int expectedMagic, int headerSize, String kind)
      throws IdxFormatException {
    if (raw.length < headerSize) {
      throw new IdxFormatException(
          name, "too short for an IDX " + kind + " header (" + raw.length + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(raw);
    int magic = in.getInt();
    if (magic != expectedMagic) {
      throw new IdxFormatException(
          name,
          String.format(
              "not an IDX %s file: magic number 0x%08x, expected 0x%08x",
              kind, magic, expectedMagic));
    }
    return in;
  }

  private static void checkLength(String name, long actual, long expected, String unit)
      throws IdxFormatException {
    if (actual < expected) {
      throw new IdxFormatException(
          name,
          "truncated: header promises " + expected + " " + unit + " bytes, file has " + actual);
    }
    if (actual > expected) {
      throw new IdxFormatException(
          name,
          (actual - expected) + " unexpected bytes after the " + expected + " " + unit + " bytes");
    }
  }

  /** Says "corrupt gzip data" instead of the bare zlib message when decompression fails. */
  private static final class CheckedGzipInputStream extends GZIPInputStream {
    CheckedGzipInputStream(InputStream in) throws IOException {
      super(in, 1 << 16);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        throw corrupt(e);
      }
    }

    static IOException corrupt(IOException cause) {
      return new IOException("corrupt gzip data (" + cause.getMessage() + ")", cause);
    }
  }
}
