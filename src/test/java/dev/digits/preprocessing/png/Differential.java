package dev.digits.preprocessing.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The fast path checked against the JDK on the same input, for the differential tests and the fuzz
 * targets: the inflater against {@link Inflater} (zlib itself), the decoder against ImageIO's PNG
 * reader.
 */
final class Differential {
  /** How two decoders' verdicts on one file compare. */
  enum Agreement {
    BOTH_DECODED,
    BOTH_REFUSED,
    /**
     * ImageIO refused the file for its zlib stream's Adler-32 alone, which the fast path leaves to
     * the chunk CRCs by design.
     */
    ONLY_FAST_DECODED_BUT_FOR_CHECKSUM,
    ONLY_FAST_DECODED,
    ONLY_IMAGE_IO_DECODED
  }

  private Differential() {}

  /**
   * Asserts that inflating {@code size} bytes from {@code stream} succeeds exactly when zlib
   * produces at least that many bytes before any error, and then gives the same bytes. (The fast
   * path stops at the size the PNG header implies, and leaves the Adler-32 checksum after it to the
   * chunk CRCs, so what zlib says after those bytes does not count.)
   */
  static void assertInflaterAgreesWithZlib(byte[] stream, int size) {
    byte[] zlib = zlibPrefix(stream, size);
    byte[] fast = new byte[size];
    boolean inflated;
    try {
      ZlibInflater.inflate(stream, 0, stream.length, fast);
      inflated = true;
    } catch (PngFormatException e) {
      inflated = false;
    }
    assertThat(inflated)
        .as(
            "the fast inflater %s where zlib made %d of %d bytes",
            inflated ? "succeeded" : "failed", zlib.length, size)
        .isEqualTo(zlib.length == size);
    if (inflated) {
      assertThat(fast).isEqualTo(zlib);
    }
  }

  /**
   * How the fast path and ImageIO agree on a PNG the fast path calls common; asserts that when both
   * decode it, they decode the same luma (where a pixel is not transparent) and alpha. Null when
   * the file is not one the fast path decodes.
   */
  static Agreement decoderAgreesWithImageIo(byte[] png) {
    PngFile file;
    try {
      file = PngFile.parse(png, (width, height) -> requireSmall(width, height));
    } catch (PngFormatException | TooLarge e) {
      return null;
    }
    if (!file.isCommonCase()) {
      return null;
    }
    LumaPlanes fast;
    try {
      fast = PngPixels.decode(file);
    } catch (PngFormatException e) {
      fast = null;
    }
    LumaPlanes reference;
    boolean checksumOnly = false;
    try {
      reference = ImageIoReference.planes(png);
    } catch (Exception | LinkageError e) {
      // ImageIO throws whatever it throws on hostile files: that only means it refuses them.
      reference = null;
      checksumOnly =
          rootCause(e) instanceof ZipException zip
              && "incorrect data check".equals(zip.getMessage());
    }
    if (fast == null || reference == null) {
      if (fast == null) {
        return reference == null ? Agreement.BOTH_REFUSED : Agreement.ONLY_IMAGE_IO_DECODED;
      }
      return checksumOnly
          ? Agreement.ONLY_FAST_DECODED_BUT_FOR_CHECKSUM
          : Agreement.ONLY_FAST_DECODED;
    }
    assertThat(fast.width()).isEqualTo(reference.width());
    assertThat(fast.height()).isEqualTo(reference.height());
    assertThat(fast.alpha()).isEqualTo(reference.alpha());
    assertThat(fast.coverage()).isEqualTo(reference.coverage());
    assertThat(fast.coveredLuma()).isEqualTo(reference.coveredLuma());
    for (int i = 0; i < fast.luma().length; i++) {
      if (fast.alpha() == null || fast.alpha()[i] != 0) {
        assertThat(fast.luma()[i]).as("luma of pixel %d", i).isEqualTo(reference.luma()[i]);
      }
    }
    return Agreement.BOTH_DECODED;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * What zlib inflates from {@code stream} before it ends, fails or has made {@code size} bytes.
   */
  private static byte[] zlibPrefix(byte[] stream, int size) {
    byte[] out = new byte[size];
    Inflated whole = inflate(stream, out, size);
    if (!whole.failed()) {
      return Arrays.copyOf(out, whole.made());
    }
    // A call that fails does not say how much it wrote first (zlib checks the Adler-32 right after
    // the last byte, in the same call): a byte a call, over buffers filled with two different
    // values, shows whether the failing call wrote its byte.
    byte[] zeros = new byte[size];
    byte[] ones = new byte[size];
    Arrays.fill(ones, (byte) 0xFF);
    int made = inflate(stream, zeros, 1).made();
    inflate(stream, ones, 1);
    boolean wroteOneMore = made < size && (zeros[made] != 0 || ones[made] != (byte) 0xFF);
    return Arrays.copyOf(zeros, made + (wroteOneMore ? 1 : 0));
  }

  /** What zlib made, {@code step} bytes a call at most, and whether it stopped at an error. */
  private record Inflated(int made, boolean failed) {}

  private static Inflated inflate(byte[] stream, byte[] out, int step) {
    Inflater inflater = new Inflater();
    inflater.setInput(stream);
    int made = 0;
    try {
      while (made < out.length) {
        int n = inflater.inflate(out, made, Math.min(step, out.length - made));
        if (n == 0
            && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        made += n;
      }
      return new Inflated(made, false);
    } catch (DataFormatException e) {
      return new Inflated(made, true);
    } finally {
      inflater.end();
    }
  }

  /** Keeps fuzzed images small: a header may declare any size, and decoding it costs that much. */
  static void requireSmall(long width, long height) throws TooLarge {
    if (width < 1 || height < 1 || width * height > 1 << 20) {
      throw new TooLarge();
    }
  }

  /** A fuzzed image too large to be worth decoding. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
