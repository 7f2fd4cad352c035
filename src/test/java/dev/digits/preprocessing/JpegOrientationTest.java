package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.preprocessing.png.PngCrafter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegOrientationTest {

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  /** An APP1 segment holding only IFD0 with the orientation tag. */
  private static byte[] exifOrientation(int orientation, boolean littleEndian) {
    byte[] tiff =
        littleEndian
            ? new byte[] {
              'I',
              'I',
              42,
              0,
              8,
              0,
              0,
              0,
              1,
              0,
              0x12,
              0x01,
              3,
              0,
              1,
              0,
              0,
              0,
              (byte) orientation,
              0,
              0,
              0,
              0,
              0,
              0,
              0
            }
            : new byte[] {
              'M',
              'M',
              0,
              42,
              0,
              0,
              0,
              8,
              0,
              1,
              0x01,
              0x12,
              0,
              3,
              0,
              0,
              0,
              1,
              0,
              (byte) orientation,
              0,
              0,
              0,
              0,
              0,
              0
            };
    byte[] header = {
      (byte) 0xFF, (byte) 0xE1, 0, (byte) (2 + 6 + tiff.length), 'E', 'x', 'i', 'f', 0, 0
    };
    return PngCrafter.concat(header, tiff);
  }

  private static byte[] withSegmentAfterStart(byte[] jpeg, byte[] segment) {
    return PngCrafter.concat(
        new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  /** How a camera held sideways stores what it shows: turned a quarter anticlockwise. */
  private static BufferedImage storedSideways(BufferedImage shown) {
    BufferedImage stored =
        new BufferedImage(shown.getHeight(), shown.getWidth(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.translate(0, stored.getHeight());
    g.rotate(-Math.PI / 2);
    g.drawImage(shown, 0, 0, null);
    g.dispose();
    return stored;
  }

  @ParameterizedTest(name = "little endian: {0}")
  @ValueSource(booleans = {true, false})
  void turnsSidewaysPhotoUprightFromExifOrientation(boolean littleEndian) throws Exception {
    BufferedImage shown =
        DigitDrawing.draw(
            DigitDrawing.canvas(200, 300, Color.WHITE),
            DigitDrawing.Shape.SEVEN,
            new Rectangle2D.Double(40, 60, 110, 180),
            14,
            Color.BLACK);
    byte[] sideways =
        withSegmentAfterStart(
            DigitDrawing.jpeg(storedSideways(shown), 0.9f), exifOrientation(6, littleEndian));

    DigitImage digit = preprocessor.fromEncoded(sideways);

    assertThat(digit.diagnostics().sourceWidth()).isEqualTo(200);
    assertThat(digit.diagnostics().sourceHeight()).isEqualTo(300);
    float[] upright = preprocessor.fromEncoded(DigitDrawing.jpeg(shown, 0.9f)).pixels();
    assertThat(InkMeasure.meanAbsoluteDifference(digit.pixels(), upright)).isLessThan(0.02);
  }

  @Test
  void mapsEveryExifOrientationToItsTransform() {
    // A 3 × 2 image with distinct pixels: 0 1 2 / 3 4 5.
    LumaImage stored = new LumaImage(3, 2, new byte[] {0, 1, 2, 3, 4, 5});
    byte[][] expected = {
      null,
      {0, 1, 2, 3, 4, 5},
      {2, 1, 0, 5, 4, 3},
      {5, 4, 3, 2, 1, 0},
      {3, 4, 5, 0, 1, 2},
      {0, 3, 1, 4, 2, 5},
      {3, 0, 4, 1, 5, 2},
      {5, 2, 4, 1, 3, 0},
      {2, 5, 1, 4, 0, 3}
    };
    for (int orientation = 1; orientation <= 8; orientation++) {
      LumaImage shown = stored.oriented(orientation);

      assertThat(shown.luma).as("orientation %d", orientation).isEqualTo(expected[orientation]);
      assertThat(shown.width).isEqualTo(orientation >= 5 ? 2 : 3);
    }
  }

  @Test
  void ignoresMalformedExif() throws Exception {
    byte[] jpeg =
        DigitDrawing.jpeg(
            DigitDrawing.blackOnWhite(
                100, DigitDrawing.Shape.ONE, new Rectangle2D.Double(50, 10, 0, 80), 8),
            0.9f);
    byte[] broken = exifOrientation(6, false);
    broken[17] = 0x7F; // IFD offset far past the segment

    assertThat(
            JpegHeader.parse(withSegmentAfterStart(jpeg, broken), PreprocessingLimits.DEFAULT)
                .orientation())
        .isEqualTo(1);
  }
}
