package dev.digits.training;

import dev.digits.model.TrainingConfig.Augmentation;
import java.util.SplittableRandom;

/**
 * Random distortions of 28×28 training images: stroke thickening or thinning, then a random
 * rotation, scaling and shift about the centre, resampled bilinearly.
 *
 * <p>People draw thicker or thinner, larger or smaller, tilted and off-centre compared with MNIST's
 * pen; after preprocessing those differences shrink but do not vanish, and the network should have
 * seen them. Instances are stateless; randomness comes from the caller's generator.
 */
final class Augmenter {
  private static final int SIDE = 28;
  private static final float CENTRE = (SIDE - 1) / 2f;

  private final Augmentation settings;

  Augmenter(Augmentation settings) {
    this.settings = settings;
  }

  /**
   * Writes a distorted copy of the image at {@code from[fromOffset..]} into {@code to[toOffset..]}.
   */
  void augment(float[] from, int fromOffset, float[] to, int toOffset, SplittableRandom random) {
    float[] source = new float[SIDE * SIDE];
    System.arraycopy(from, fromOffset, source, 0, source.length);
    if (random.nextDouble() < settings.strokeProbability()) {
      // Full erosion would wipe out MNIST's 2-pixel strokes, so thinning is blended in more gently.
      float strength = 0.5f + 0.5f * (float) random.nextDouble();
      source = random.nextBoolean() ? thicken(source, strength) : thin(source, 0.6f * strength);
    }
    double angle = Math.toRadians(symmetric(random, settings.rotationDegrees()));
    double scale = 1 + symmetric(random, settings.scale());
    double shiftX = symmetric(random, settings.shiftPixels());
    double shiftY = symmetric(random, settings.shiftPixels());
    warp(source, to, toOffset, angle, scale, shiftX, shiftY);
  }

  private static double symmetric(SplittableRandom random, float limit) {
    return limit == 0 ? 0 : (2 * random.nextDouble() - 1) * limit;
  }

  /** Maps each output pixel back into the source (inverse affine) and samples bilinearly. */
  private static void warp(
      float[] source, float[] to, int offset, double angle, double scale, double dx, double dy) {
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double u = x - CENTRE - dx;
        double v = y - CENTRE - dy;
        double sx = cos * u + sin * v + CENTRE;
        double sy = -sin * u + cos * v + CENTRE;
        to[offset + y * SIDE + x] = bilinear(source, sx, sy);
      }
    }
  }

  private static float bilinear(float[] image, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = (float) (x - x0);
    float fy = (float) (y - y0);
    float top = (1 - fx) * at(image, x0, y0) + fx * at(image, x0 + 1, y0);
    float bottom = (1 - fx) * at(image, x0, y0 + 1) + fx * at(image, x0 + 1, y0 + 1);
    return (1 - fy) * top + fy * bottom;
  }

  private static float at(float[] image, int x, int y) {
    return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : image[y * SIDE + x];
  }

  /** Grey-level dilation by the 4-neighbourhood, blended in by {@code strength}. */
  static float[] thicken(float[] image, float strength) {
    float[] out = new float[image.length];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        float centre = at(image, x, y);
        float neighbours =
            Math.max(
                Math.max(at(image, x - 1, y), at(image, x + 1, y)),
                Math.max(at(image, x, y - 1), at(image, x, y + 1)));
        out[y * SIDE + x] = Math.max(centre, strength * neighbours);
      }
    }
    return out;
  }

  /** Grey-level erosion by the 4-neighbourhood, blended in by {@code strength}. */
  static float[] thin(float[] image, float strength) {
    float[] out = new float[image.length];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        float centre = at(image, x, y);
        float eroded =
            Math.min(
                Math.min(
                    Math.min(at(image, x - 1, y), at(image, x + 1, y)),
                    Math.min(at(image, x, y - 1), at(image, x, y + 1))),
                centre);
        out[y * SIDE + x] = (1 - strength) * centre + strength * eroded;
      }
    }
    return out;
  }
}
