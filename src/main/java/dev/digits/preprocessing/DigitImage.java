package dev.digits.preprocessing;

import dev.digits.io.GreyPngEncoder;
import java.util.Base64;
import java.util.Objects;

/**
 * A digit ready for the model: 28 × 28 ink intensities laid out like MNIST, plus what preprocessing
 * found on the way. Immutable.
 */
public final class DigitImage {

  /** Pixels along each side. */
  public static final int SIDE = DigitLayout.SIDE;

  private static final int MAX_SCALE = 64;

  private final float[] pixels;
  private final Diagnostics diagnostics;

  DigitImage(float[] pixels, Diagnostics diagnostics) {
    if (pixels.length != SIDE * SIDE) {
      throw new IllegalArgumentException(
          "expected " + SIDE * SIDE + " pixels, got " + pixels.length);
    }
    this.pixels = pixels.clone();
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
  }

  /**
   * A copy of the 784 ink intensities, row-major: 0 is background, 1 full ink, the scale of MNIST's
   * bytes divided by 255. This is what {@code DigitClassifier.classify} takes.
   */
  public float[] pixels() {
    return pixels.clone();
  }

  /** What preprocessing found in the source image. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * The image as a greyscale PNG, white ink on black like MNIST, each pixel enlarged to a {@code
   * scale × scale} block (1 gives 28 × 28).
   *
   * @throws IllegalArgumentException unless 1 ≤ scale ≤ 64
   */
  public byte[] toPng(int scale) {
    if (scale < 1 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be 1 to " + MAX_SCALE + ", was " + scale);
    }
    int side = SIDE * scale;
    byte[] grey = new byte[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        grey[y * side + x] = (byte) Math.round(pixels[(y / scale) * SIDE + x / scale] * 255);
      }
    }
    return GreyPngEncoder.encode(grey, side, side);
  }

  /** {@link #toPng(int)} as a {@code data:image/png;base64,} URL, ready for an {@code <img>}. */
  public String toPngDataUrl(int scale) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(toPng(scale));
  }
}
