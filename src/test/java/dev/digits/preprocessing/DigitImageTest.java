package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DigitImageTest {

  private final DigitImage digit =
      new DigitPreprocessor(PreprocessingLimits.DEFAULT)
          .fromImage(
              DigitDrawing.blackOnWhite(
                  140, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(30, 20, 70, 100), 10));

  DigitImageTest() throws PreprocessingException {}

  @Test
  void writesWhiteInkOnBlackPngEnlargedByNearestNeighbour() throws Exception {
    float[] pixels = digit.pixels();

    BufferedImage png = ImageIO.read(new ByteArrayInputStream(digit.toPng(3)));

    assertThat(png.getWidth()).isEqualTo(84);
    assertThat(png.getHeight()).isEqualTo(84);
    for (int y = 0; y < 84; y++) {
      for (int x = 0; x < 84; x++) {
        int expected = Math.round(pixels[(y / 3) * 28 + x / 3] * 255);
        assertThat(png.getRaster().getSample(x, y, 0)).isEqualTo(expected);
      }
    }
    assertThat(png.getRaster().getSample(0, 0, 0)).isZero();
  }

  @Test
  void writesDataUrlOfThePng() {
    String url = digit.toPngDataUrl(1);

    assertThat(url).startsWith("data:image/png;base64,");
    assertThat(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)))
        .isEqualTo(digit.toPng(1));
  }

  @Test
  void handsOutCopiesOfItsPixels() {
    float[] pixels = digit.pixels();
    pixels[0] = 0.5f;

    assertThat(digit.pixels()[0]).isZero();
    assertThat(digit.pixels()).hasSize(784);
  }

  @Test
  void rejectsScaleOutsideOneToSixtyFour() {
    assertThatThrownBy(() -> digit.toPng(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> digit.toPng(65)).isInstanceOf(IllegalArgumentException.class);
  }
}
