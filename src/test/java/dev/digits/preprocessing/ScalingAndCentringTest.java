package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScalingAndCentringTest {

  private static double sum(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum;
  }

  @Test
  void areaDownsamplingKeepsTheInkMassOfAOnePixelLine() {
    int width = 400;
    int height = 300;
    byte[] ink = new byte[width * height];
    for (int y = 0; y < height; y++) {
      ink[y * width + 123] = (byte) 255;
    }

    float[] out = AreaResampler.resample(new InkPatch(ink, width, 0, 0, width, height), 20, 15);

    // 300 pixels of ink shrunk by 20 in each direction: 300 / 400 = 0.75 units of mass.
    assertThat(sum(out)).isCloseTo(0.75, within(1e-4));
    assertThat(out[7 * 20 + 6]).isCloseTo(0.05f, within(1e-5f));
  }

  @Test
  void areaDownsamplingKeepsUniformInkUniformAtFractionalScales() {
    byte[] ink = new byte[37 * 23];
    Arrays.fill(ink, (byte) 255);

    float[] out = AreaResampler.resample(new InkPatch(ink, 37, 0, 0, 37, 23), 20, 12);

    for (float v : out) {
      assertThat(v).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void enlargesSmallDigitsByLinearInterpolation() {
    byte[] ink = {0, (byte) 255};

    float[] out = AreaResampler.resample(new InkPatch(ink, 2, 0, 0, 2, 1), 4, 1);

    assertThat(out).containsExactly(0f, 0.25f, 0.75f, 1f);
  }

  @Test
  void scalesLongerSideToTwentyKeepingAspectRatio() {
    assertThat(DigitLayout.scaledSize(200, 100)).containsExactly(20, 10);
    assertThat(DigitLayout.scaledSize(18, 200)).containsExactly(2, 20);
    assertThat(DigitLayout.scaledSize(1, 900)).containsExactly(1, 20);
  }

  @Test
  void placesCentreOfMassOnPixelFourteen() {
    float[] digit = new float[10 * 20];
    digit[3 * 10 + 2] = 1;
    digit[17 * 10 + 8] = 1;

    float[] field = DigitLayout.centreByMass(digit, 10, 20);

    // Mass centre (5, 10) moves to (14, 14): the digit's corner lands at (9, 4).
    assertThat(field[(4 + 3) * 28 + 9 + 2]).isEqualTo(1f);
    assertThat(field[(4 + 17) * 28 + 9 + 8]).isEqualTo(1f);
  }

  @Test
  void limitsTheShiftSoNoInkLeavesTheField() {
    float[] digit = new float[20 * 20];
    digit[0] = 1;
    digit[20 * 20 - 1] = 0.01f;

    float[] field = DigitLayout.centreByMass(digit, 20, 20);

    assertThat(sum(field)).isCloseTo(1.01, within(1e-6));
    assertThat(field[8 * 28 + 8]).isEqualTo(1f);
  }

  @Test
  void dividesBy255ExactlyForEveryBlendedValue() {
    for (int n = 0; n < 65536; n++) {
      assertThat(AlphaFlattener.divideBy255(n)).isEqualTo(n / 255);
    }
  }

  @Test
  void validatesLimits() {
    assertThatThrownBy(() -> new PreprocessingLimits(0, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PreprocessingLimits(10, 1L << 31, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
