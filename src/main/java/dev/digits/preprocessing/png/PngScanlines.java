package dev.digits.preprocessing.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Inflates and unfilters the rows of a non-interlaced PNG whose pixels are whole bytes, handing
 * each reconstructed row to a {@link Sink}.
 */
final class PngScanlines {
  /** Eight bytes of an array as one little-endian long: byte k is {@code bytes[at + k]}. */
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Receives each reconstructed row; the array is reused, so copy what must outlive the call. */
  @FunctionalInterface
  interface Sink {
    void row(int y, byte[] samples, int offset);
  }

  /**
   * Images whose inflated rows fit in this many bytes reuse one buffer per thread: a 280 × 280
   * canvas inflates to 307 KiB, and allocating and zeroing a fresh buffer for each request cost
   * about a tenth of its preprocessing. Larger images are rare and get their own buffer, so a
   * thread never keeps more than this.
   */
  private static final int REUSED_BYTES = 1 << 20;

  private static final int UP = 2;

  private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

  private static final ThreadLocal<byte[]> ROWS = ThreadLocal.withInitial(() -> new byte[0]);

  private PngScanlines() {}

  static void read(PngFile png, Sink sink) throws PngFormatException {
    int bytesPerPixel = png.channels() * png.bitDepth / 8;
    int stride = png.width * bytesPerPixel;
    int rowBytes = stride + 1;
    int size = png.height * rowBytes;
    // A reused buffer holds the last image's bytes past the new one's end; nothing reads them,
    // and every byte before it is inflated anew before it is read.
    byte[] raw = rowBuffer(size);
    inflate(png, raw, size);
    byte[] zeros = new byte[rowBytes];
    byte[] above = zeros;
    int aboveOffset = 1;
    for (int y = 0; y < png.height; y++) {
      int offset = y * rowBytes;
      if (raw[offset] == UP
          && Arrays.mismatch(raw, offset + 1, offset + rowBytes, zeros, 1, rowBytes) < 0) {
        // Nothing changed since the row above (a browser filters every row with Up): hand that
        // row on again and keep it as the next one's reference, instead of adding zeros to it.
        sink.row(y, above, aboveOffset);
        continue;
      }
      unfilter(raw, offset, above, aboveOffset, stride, bytesPerPixel);
      sink.row(y, raw, offset + 1);
      above = raw;
      aboveOffset = offset + 1;
    }
  }

  private static byte[] rowBuffer(int size) {
    if (size > REUSED_BYTES) {
      return new byte[size];
    }
    byte[] buffer = ROWS.get();
    if (buffer.length < size) {
      buffer = new byte[size];
      ROWS.set(buffer);
    }
    return buffer;
  }

  private static void inflate(PngFile png, byte[] raw, int size) throws PngFormatException {
    int[] offsets = png.idatOffsets;
    int[] lengths = png.idatLengths;
    if (offsets.length == 1) {
      ZlibInflater.inflate(png.data, offsets[0], lengths[0], raw, size);
      return;
    }
    int total = 0;
    for (int length : lengths) {
      total += length;
    }
    byte[] joined = new byte[total];
    for (int i = 0, at = 0; i < offsets.length; at += lengths[i], i++) {
      System.arraycopy(png.data, offsets[i], joined, at, lengths[i]);
    }
    ZlibInflater.inflate(joined, 0, total, raw, size);
  }

  /**
   * Reverses the row's filter in place. {@code offset} points at the filter-type byte; {@code
   * above} holds the previous reconstructed row's samples (all zero for the first row).
   */
  static void unfilter(byte[] row, int offset, byte[] above, int aboveOffset, int length, int bpp)
      throws PngFormatException {
    int filter = row[offset];
    int start = offset + 1;
    int end = start + length;
    switch (filter) {
      case 0 -> {}
      case 1 -> {
        for (int i = start + bpp; i < end; i++) {
          row[i] += row[i - bpp];
        }
      }
      case UP -> addBytes(row, start, above, aboveOffset, length);
      case 3 -> {
        for (int i = start, j = aboveOffset; i < start + bpp; i++, j++) {
          row[i] += (above[j] & 0xFF) >>> 1;
        }
        for (int i = start + bpp, j = aboveOffset + bpp; i < end; i++, j++) {
          row[i] += ((row[i - bpp] & 0xFF) + (above[j] & 0xFF)) >>> 1;
        }
      }
      case 4 -> {
        // With no pixel to the left, Paeth always predicts the pixel above.
        for (int i = start, j = aboveOffset; i < start + bpp; i++, j++) {
          row[i] += above[j];
        }
        for (int i = start + bpp, j = aboveOffset + bpp; i < end; i++, j++) {
          row[i] += paeth(row[i - bpp] & 0xFF, above[j] & 0xFF, above[j - bpp] & 0xFF);
        }
      }
      default ->
          throw new PngFormatException(
              "The PNG is corrupt: unknown row filter type " + (filter & 0xFF) + ".");
    }
  }

  /**
   * {@code row[start + k] += above[aboveOffset + k]} for k below {@code length}, eight bytes at a
   * time: browsers' canvas encoders filter every row with Up, and the JIT does not vectorize the
   * byte loop because the row above may lie in the same array. The low seven bits of each byte add
   * without reaching the next byte; the top bit is then set from the two top bits and that carry.
   * Reading eight bytes of the row above never reads the current row: rows are longer than eight
   * bytes wherever the loop runs at all.
   */
  private static void addBytes(byte[] row, int start, byte[] above, int aboveOffset, int length) {
    int i = start;
    int j = aboveOffset;
    for (int end = start + length - 7; i < end; i += 8, j += 8) {
      long a = (long) WORD.get(row, i);
      long b = (long) WORD.get(above, j);
      WORD.set(row, i, ((a & LOW_SEVEN_BITS) + (b & LOW_SEVEN_BITS)) ^ ((a ^ b) & ~LOW_SEVEN_BITS));
    }
    for (int end = start + length; i < end; i++, j++) {
      row[i] += above[j];
    }
  }

  private static int paeth(int left, int up, int upLeft) {
    int estimate = left + up - upLeft;
    int toLeft = Math.abs(estimate - left);
    int toUp = Math.abs(estimate - up);
    int toUpLeft = Math.abs(estimate - upLeft);
    if (toLeft <= toUp && toLeft <= toUpLeft) {
      return left;
    }
    return toUp <= toUpLeft ? up : upLeft;
  }
}
