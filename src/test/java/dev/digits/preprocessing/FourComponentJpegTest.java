package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** CMYK and YCCK JPEGs, which print workflows and some scanners make, are read like RGB ones. */
class FourComponentJpegTest {
  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);
  private final BufferedImage seven =
      DigitDrawing.blackOnWhite(
          120, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(30, 20, 50, 75), 8);

  @Test
  void readsACmykJpegAsTheSameDigit() throws Exception {
    assertSameDigit(preprocessor.fromEncoded(FourComponentJpegs.cmyk(seven)));
  }

  @Test
  void readsAYcckJpegAsTheSameDigit() throws Exception {
    assertSameDigit(preprocessor.fromEncoded(FourComponentJpegs.ycck(seven)));
  }

  private void assertSameDigit(DigitImage fourComponents) throws Exception {
    DigitImage rgb = preprocessor.fromEncoded(DigitDrawing.jpeg(seven, 0.95f));
    assertThat(fourComponents.diagnostics().polarity()).isEqualTo(rgb.diagnostics().polarity());
    Diagnostics.InkBounds expected = rgb.diagnostics().inkBounds();
    Diagnostics.InkBounds actual = fourComponents.diagnostics().inkBounds();
    assertThat(actual.x()).isCloseTo(expected.x(), within(2));
    assertThat(actual.y()).isCloseTo(expected.y(), within(2));
    assertThat(actual.width()).isCloseTo(expected.width(), within(3));
    assertThat(actual.height()).isCloseTo(expected.height(), within(3));
    float[] a = rgb.pixels();
    float[] b = fourComponents.pixels();
    double difference = 0;
    for (int i = 0; i < a.length; i++) {
      difference += Math.abs(a[i] - b[i]);
    }
    assertThat(difference / a.length).isLessThan(0.03);
  }
}
