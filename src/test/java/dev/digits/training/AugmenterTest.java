package dev.digits.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.model.TrainingConfig.Augmentation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  /** A vertical bar two pixels wide, rows 6–21, columns 13–14. */
  private static float[] bar() {
    float[] image = new float[784];
    for (int y = 6; y < 22; y++) {
      image[y * 28 + 13] = 1;
      image[y * 28 + 14] = 1;
    }
    return image;
  }

  private static double mass(float[] image) {
    double sum = 0;
    for (float v : image) {
      sum += v;
    }
    return sum;
  }

  private static double centreX(float[] image) {
    double sum = 0;
    for (int i = 0; i < image.length; i++) {
      sum += image[i] * (i % 28);
    }
    return sum / mass(image);
  }

  @Test
  void noAugmentationLeavesTheImageAlone() {
    float[] out = new float[784];
    new Augmenter(Augmentation.NONE).augment(bar(), 0, out, 0, new SplittableRandom(1));
    assertThat(out).containsExactly(bar());
  }

  @Test
  void shiftsStayWithinTheirLimit() {
    Augmenter augmenter = new Augmenter(new Augmentation(0, 0, 3, 0));
    SplittableRandom random = new SplittableRandom(5);
    double centre = centreX(bar());
    boolean moved = false;
    for (int i = 0; i < 50; i++) {
      float[] out = new float[784];
      augmenter.augment(bar(), 0, out, 0, random);
      double shift = centreX(out) - centre;
      assertThat(Math.abs(shift)).isLessThanOrEqualTo(3.01);
      moved |= Math.abs(shift) > 0.5;
    }
    assertThat(moved).isTrue();
  }

  @Test
  void rotationKeepsTheInkMassRoughly() {
    Augmenter augmenter = new Augmenter(new Augmentation(15, 0, 0, 0));
    float[] out = new float[784];
    augmenter.augment(bar(), 0, out, 0, new SplittableRandom(3));
    assertThat(mass(out)).isCloseTo(mass(bar()), within(0.1 * mass(bar())));
  }

  @Test
  void thickeningAddsInkAndThinningRemovesIt() {
    assertThat(mass(Augmenter.thicken(bar(), 1))).isGreaterThan(1.5 * mass(bar()));
    assertThat(mass(Augmenter.thin(bar(), 0.6f))).isLessThan(0.8 * mass(bar()));
    assertThat(mass(Augmenter.thin(bar(), 0.6f))).isGreaterThan(0.2 * mass(bar()));
  }
}
