package dev.digits.preprocessing;

import static dev.digits.preprocessing.DigitDrawing.Shape.ONE;
import static dev.digits.preprocessing.DigitDrawing.Shape.SEVEN;
import static dev.digits.preprocessing.DigitDrawing.Shape.ZERO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.preprocessing.Diagnostics.Polarity;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitPreprocessorTest {

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  private static Rectangle2D box(double x, double y, double w, double h) {
    return new Rectangle2D.Double(x, y, w, h);
  }

  private float[] fromPng(BufferedImage image) throws PreprocessingException {
    return preprocessor.fromEncoded(DigitDrawing.png(image)).pixels();
  }

  private static void assertMnistShaped(float[] pixels) {
    double[] centre = InkMeasure.centreOfMass(pixels);
    int[] size = InkMeasure.boxSize(pixels, 0.1);
    String picture = InkMeasure.picture(pixels);
    // Whole-pixel shifts, as MNIST made: a symmetric digit lands exactly half a pixel off.
    assertThat(centre[0]).as("centre of mass x" + picture).isCloseTo(14.0, within(0.5001));
    assertThat(centre[1]).as("centre of mass y" + picture).isCloseTo(14.0, within(0.5001));
    assertThat(Math.max(size[0], size[1])).as("longer side" + picture).isBetween(19, 21);
    assertThat(InkMeasure.max(pixels)).as("full ink somewhere" + picture).isGreaterThan(0.9);
    for (float p : pixels) {
      assertThat(p).isBetween(0f, 1f);
    }
  }

  @Test
  void centresOffCentreDigitByMass() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, SEVEN, box(20, 25, 90, 120), 14);

    float[] pixels = fromPng(image);

    assertMnistShaped(pixels);
  }

  @Test
  void centresDigitsWhateverTheirPosition() throws Exception {
    float[] topLeft = fromPng(DigitDrawing.blackOnWhite(280, ZERO, box(15, 15, 80, 110), 12));
    float[] bottomRight = fromPng(DigitDrawing.blackOnWhite(280, ZERO, box(185, 155, 80, 110), 12));

    assertMnistShaped(topLeft);
    assertThat(InkMeasure.meanAbsoluteDifference(topLeft, bottomRight)).isLessThan(0.01);
  }

  @Test
  void scalesTinyDigitOnLargeCanvasUpToTwentyPixels() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(560, SEVEN, box(300, 80, 40, 60), 5);

    float[] pixels = fromPng(image);

    assertMnistShaped(pixels);
  }

  @Test
  void handlesDigitFillingTheWholeCanvas() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, ZERO, box(8, 4, 264, 272), 16);

    DigitImage digit = preprocessor.fromEncoded(DigitDrawing.png(image));

    assertMnistShaped(digit.pixels());
    assertThat(digit.diagnostics().inkBounds().height()).isGreaterThan(270);
  }

  @Test
  void keepsThickStrokesWithinMnistRange() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, SEVEN, box(60, 50, 160, 180), 40);

    float[] pixels = fromPng(image);

    assertMnistShaped(pixels);
    // A 40 px stroke on a 220 px digit is 3.6 px at 20 px: bold, but not a blob.
    assertThat(InkMeasure.mass(pixels)).isBetween(100.0, 220.0);
  }

  @Test
  void thinsPenTooThickForTheDigitSoItsLoopStaysOpen() throws Exception {
    // A 36 px pen round a 50 × 80 px path: strokes of 6 px at 20 px, and a hole of 2.
    BufferedImage image = DigitDrawing.blackOnWhite(280, ZERO, box(100, 90, 50, 80), 36);

    float[] pixels = fromPng(image);
    String picture = InkMeasure.picture(pixels);
    int[] middleRow = runs(pixels, (int) Math.round(InkMeasure.centreOfMass(pixels)[1]));

    assertMnistShaped(pixels);
    // Ink, hole, ink across the middle: strokes as wide as MNIST's, the hole wider than either.
    assertThat(middleRow).as("ink, blank, ink runs across the middle" + picture).hasSize(3);
    assertThat(middleRow[0]).as("left stroke" + picture).isBetween(2, 4);
    assertThat(middleRow[1]).as("hole" + picture).isGreaterThanOrEqualTo(5);
    assertThat(middleRow[2]).as("right stroke" + picture).isBetween(2, 4);
  }

  /** The lengths of the alternating inked (above 0.5) and blank runs of a row, from its ink. */
  private static int[] runs(float[] pixels, int row) {
    List<Integer> runs = new ArrayList<>();
    boolean inked = false;
    for (int x = 0; x < InkMeasure.SIDE; x++) {
      boolean here = pixels[row * InkMeasure.SIDE + x] > 0.5;
      if (here != inked) {
        runs.add(0);
        inked = here;
      }
      if (!runs.isEmpty()) {
        runs.set(runs.size() - 1, runs.get(runs.size() - 1) + 1);
      }
    }
    if (!inked && !runs.isEmpty()) {
      runs.remove(runs.size() - 1);
    }
    return runs.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest(name = "{0} px stroke on a {1} px canvas")
  @CsvSource({"1, 560", "2, 560", "1, 280", "1.5, 1000"})
  void keepsThinStrokesVisible(float strokeWidth, int side) throws Exception {
    double size = side * 0.7;
    BufferedImage image =
        DigitDrawing.blackOnWhite(
            side, ZERO, box(side * 0.2, side * 0.15, size * 0.7, size), strokeWidth);

    float[] pixels = fromPng(image);

    assertMnistShaped(pixels);
    assertThat(InkMeasure.max(pixels)).isGreaterThan(0.5);
    assertThat(InkMeasure.mass(pixels)).as(InkMeasure.picture(pixels)).isBetween(50.0, 160.0);
  }

  @Test
  void keepsTallOneThin() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, ONE, box(120, 40, 0, 200), 16);

    float[] pixels = fromPng(image);
    int[] size = InkMeasure.boxSize(pixels, 0.1);

    assertMnistShaped(pixels);
    assertThat(size[1]).isBetween(19, 21);
    assertThat(size[0]).as(InkMeasure.picture(pixels)).isBetween(1, 4);
  }

  @Test
  void preservesAspectRatioOfWideDigit() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(400, ZERO, box(40, 150, 300, 100), 12);

    int[] size = InkMeasure.boxSize(fromPng(image), 0.1);

    assertThat(size[0]).isBetween(19, 21);
    // (100 + 12) / (300 + 12) of 20 px is 7.2 px.
    assertThat(size[1]).isBetween(6, 9);
  }

  @Test
  void givesSameDigitForWhiteOnBlackAndBlackOnWhite() throws Exception {
    Rectangle2D where = box(70, 50, 120, 170);
    BufferedImage dark =
        DigitDrawing.draw(
            DigitDrawing.canvas(280, 280, Color.WHITE), SEVEN, where, 15, Color.BLACK);
    BufferedImage light =
        DigitDrawing.draw(
            DigitDrawing.canvas(280, 280, Color.BLACK), SEVEN, where, 15, Color.WHITE);

    DigitImage fromDark = preprocessor.fromEncoded(DigitDrawing.png(dark));
    DigitImage fromLight = preprocessor.fromEncoded(DigitDrawing.png(light));

    assertThat(fromDark.diagnostics().polarity()).isEqualTo(Polarity.DARK_INK_ON_LIGHT);
    assertThat(fromLight.diagnostics().polarity()).isEqualTo(Polarity.LIGHT_INK_ON_DARK);
    assertThat(InkMeasure.maxAbsoluteDifference(fromDark.pixels(), fromLight.pixels()))
        .isLessThan(0.02);
  }

  @Test
  void handlesColouredInkOnColouredBackground() throws Exception {
    Rectangle2D where = box(70, 50, 120, 170);
    BufferedImage blue =
        DigitDrawing.draw(
            DigitDrawing.canvas(280, 280, new Color(250, 245, 225)),
            SEVEN,
            where,
            15,
            new Color(20, 40, 160));

    assertMnistShaped(fromPng(blue));
  }

  @Test
  void readsInkFromAlphaOfTransparentCanvas() throws Exception {
    Rectangle2D where = box(60, 40, 140, 190);
    BufferedImage transparent =
        DigitDrawing.draw(DigitDrawing.canvas(280, 280, null), ZERO, where, 18, Color.BLACK);
    BufferedImage opaque = DigitDrawing.blackOnWhite(280, ZERO, where, 18);

    DigitImage fromTransparent = preprocessor.fromEncoded(DigitDrawing.png(transparent));

    assertThat(fromTransparent.diagnostics().alphaUsed()).isTrue();
    assertThat(fromTransparent.diagnostics().polarity()).isEqualTo(Polarity.DARK_INK_ON_LIGHT);
    assertMnistShaped(fromTransparent.pixels());
    assertThat(InkMeasure.maxAbsoluteDifference(fromTransparent.pixels(), fromPng(opaque)))
        .isLessThan(0.02);
  }

  @Test
  void readsWhiteInkOnTransparentCanvas() throws Exception {
    Rectangle2D where = box(60, 40, 140, 190);
    BufferedImage transparent =
        DigitDrawing.draw(DigitDrawing.canvas(280, 280, null), SEVEN, where, 18, Color.WHITE);
    BufferedImage opaque = DigitDrawing.blackOnWhite(280, SEVEN, where, 18);

    DigitImage fromTransparent = preprocessor.fromEncoded(DigitDrawing.png(transparent));

    assertThat(fromTransparent.diagnostics().polarity()).isEqualTo(Polarity.LIGHT_INK_ON_DARK);
    assertThat(InkMeasure.maxAbsoluteDifference(fromTransparent.pixels(), fromPng(opaque)))
        .isLessThan(0.02);
  }

  @Test
  void readsJpegCloseToPng() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, SEVEN, box(60, 40, 150, 190), 16);

    float[] fromJpeg = preprocessor.fromEncoded(DigitDrawing.jpeg(image, 0.75f)).pixels();
    float[] fromPng = fromPng(image);

    assertMnistShaped(fromJpeg);
    assertThat(InkMeasure.meanAbsoluteDifference(fromJpeg, fromPng)).isLessThan(0.02);
    assertThat(InkMeasure.maxAbsoluteDifference(fromJpeg, fromPng)).isLessThan(0.3);
  }

  @Test
  void cleansPhotoOfPaperWithUnevenLightingAndNoise() throws Exception {
    Rectangle2D where = box(240, 110, 160, 240);
    BufferedImage clean = DigitDrawing.blackOnWhite(640, SEVEN, where, 14);
    clean = crop(clean, 640, 480);
    BufferedImage photo = PhotoSimulation.photograph(clean, 42);

    DigitImage fromPhoto = preprocessor.fromEncoded(DigitDrawing.jpeg(photo, 0.85f));
    float[] expected = fromPng(clean);
    float[] pixels = fromPhoto.pixels();

    assertMnistShaped(pixels);
    assertThat(fromPhoto.diagnostics().polarity()).isEqualTo(Polarity.DARK_INK_ON_LIGHT);
    assertThat(InkMeasure.meanAbsoluteDifference(pixels, expected))
        .as(InkMeasure.picture(pixels) + InkMeasure.picture(expected))
        .isLessThan(0.04);
    // No background blobs: nothing far from the real digit's ink.
    for (int i = 0; i < pixels.length; i++) {
      if (PhotoSimulation.distanceToInk(expected, i) > 2) {
        assertThat(pixels[i]).as("pixel %d%s", i, InkMeasure.picture(pixels)).isLessThan(0.1f);
      }
    }
  }

  @Test
  void reportsInkBoundsAndSourceSize() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(300, ONE, box(100, 50, 0, 180), 10);

    Diagnostics diagnostics = preprocessor.fromEncoded(DigitDrawing.png(image)).diagnostics();

    assertThat(diagnostics.sourceWidth()).isEqualTo(300);
    assertThat(diagnostics.sourceHeight()).isEqualTo(300);
    assertThat(diagnostics.alphaUsed()).isFalse();
    Diagnostics.InkBounds bounds = diagnostics.inkBounds();
    assertThat(bounds.x()).isBetween(94, 96);
    assertThat(bounds.width()).isBetween(9, 11);
    assertThat(bounds.y()).isBetween(44, 46);
    assertThat(bounds.height()).isBetween(188, 191);
  }

  @Test
  void ignoresIsolatedSpecksAndStrayDots() throws Exception {
    BufferedImage image = DigitDrawing.blackOnWhite(280, SEVEN, box(80, 60, 120, 160), 14);
    image.setRGB(5, 5, 0xFF000000);
    image.setRGB(270, 260, 0xFF202020);
    image.setRGB(271, 260, 0xFF202020);
    float[] clean = fromPng(DigitDrawing.blackOnWhite(280, SEVEN, box(80, 60, 120, 160), 14));

    float[] pixels = fromPng(image);

    assertThat(InkMeasure.maxAbsoluteDifference(pixels, clean)).isLessThan(0.02);
  }

  @Test
  void acceptsRenderedImagesOfOtherTypes() throws Exception {
    BufferedImage argb = DigitDrawing.blackOnWhite(200, ZERO, box(50, 30, 90, 140), 12);
    float[] expected = preprocessor.fromImage(argb).pixels();
    for (int type :
        new int[] {
          BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
          BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB_PRE,
              BufferedImage.TYPE_USHORT_GRAY,
          BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_565_RGB
        }) {
      BufferedImage converted =
          type == BufferedImage.TYPE_BYTE_INDEXED
              ? new BufferedImage(200, 200, type, greyPalette())
              : new BufferedImage(200, 200, type);
      converted.getGraphics().drawImage(argb, 0, 0, null);

      float[] pixels = preprocessor.fromImage(converted).pixels();

      assertThat(InkMeasure.meanAbsoluteDifference(pixels, expected))
          .as("type %d", type)
          .isLessThan(0.02);
    }
  }

  @Test
  void leavesMnistStyleInputAlmostUnchanged() throws Exception {
    BufferedImage image =
        DigitDrawing.draw(
            DigitDrawing.canvas(28, 28, Color.BLACK), ZERO, box(9, 5, 10, 17), 2.5f, Color.WHITE);
    float[] input = preprocessor.fromImage(image).pixels();

    float[] again = preprocessor.fromImage(toGreyImage(input)).pixels();

    assertMnistShaped(input);
    assertThat(InkMeasure.meanAbsoluteDifference(input, again)).isLessThan(0.01);
  }

  private static IndexColorModel greyPalette() {
    byte[] ramp = new byte[256];
    for (int i = 0; i < 256; i++) {
      ramp[i] = (byte) i;
    }
    return new IndexColorModel(8, 256, ramp, ramp, ramp);
  }

  private static BufferedImage toGreyImage(float[] pixels) {
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < pixels.length; i++) {
      image.getRaster().setSample(i % 28, i / 28, 0, Math.round(pixels[i] * 255));
    }
    return image;
  }

  private static BufferedImage crop(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    out.getGraphics().drawImage(image, 0, 0, null);
    return out;
  }
}
