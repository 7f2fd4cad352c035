package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.preprocessing.PreprocessingException.Reason;
import dev.digits.preprocessing.png.PngCrafter;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DigitPreprocessorRejectionTest {

  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  private static AbstractThrowableAssert<?, ?> assertRefused(ThrowingCallable call, Reason reason) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            PreprocessingException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] digitPng() {
    return DigitDrawing.png(
        DigitDrawing.blackOnWhite(
            100, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(25, 20, 50, 60), 7));
  }

  private static byte[] digitJpeg() {
    return DigitDrawing.jpeg(
        DigitDrawing.blackOnWhite(
            100, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(25, 20, 50, 60), 7),
        0.9f);
  }

  @Test
  void rejectsGarbageBytesAsMalformed() {
    byte[] garbage = new byte[500];
    new Random(3).nextBytes(garbage);
    garbage[0] = 'x';

    assertRefused(() -> preprocessor.fromEncoded(garbage), Reason.MALFORMED)
        .hasMessageContaining("not an image");
    assertRefused(() -> preprocessor.fromEncoded(new byte[0]), Reason.MALFORMED)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] png = digitPng();

    for (int length : new int[] {8, 20, 33, png.length / 2, png.length - 12, png.length - 1}) {
      assertRefused(() -> preprocessor.fromEncoded(Arrays.copyOf(png, length)), Reason.MALFORMED)
          .as("cut to %d bytes", length);
    }
  }

  @Test
  void rejectsTruncatedJpeg() {
    byte[] jpeg = digitJpeg();

    for (int length : new int[] {3, 40, jpeg.length / 2, jpeg.length - 2}) {
      assertRefused(() -> preprocessor.fromEncoded(Arrays.copyOf(jpeg, length)), Reason.MALFORMED)
          .as("cut to %d bytes", length);
    }
  }

  @Test
  void rejectsOtherImageFormatsAsUnsupported() {
    BufferedImage image =
        DigitDrawing.blackOnWhite(
            50, DigitDrawing.Shape.ONE, new Rectangle2D.Double(25, 5, 0, 40), 5);
    BufferedImage rgb = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);

    assertRefused(
            () -> preprocessor.fromEncoded(DigitDrawing.encode(image, "gif")),
            Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("GIF");
    assertRefused(
            () -> preprocessor.fromEncoded(DigitDrawing.encode(rgb, "bmp")),
            Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("BMP");
    assertRefused(
            () -> preprocessor.fromEncoded(ascii("RIFF\0\0\0\0WEBPVP8 ")),
            Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("WebP");
    assertRefused(
            () -> preprocessor.fromEncoded(ascii("  <svg xmlns='http://www.w3.org/2000/svg'/>")),
            Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("SVG");
  }

  @Test
  void rejectsJpegsImageIoCannotDecodeAsUnsupported() {
    byte[] twoComponents = digitJpeg();
    twoComponents[startOfFrame(twoComponents) + 9] = 2;
    byte[] arithmetic = digitJpeg();
    arithmetic[startOfFrame(arithmetic) + 1] = (byte) 0xC9;

    assertRefused(() -> preprocessor.fromEncoded(twoComponents), Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("2 colour components");
    assertRefused(() -> preprocessor.fromEncoded(arithmetic), Reason.UNSUPPORTED_FORMAT)
        .hasMessageContaining("arithmetic");
  }

  @Test
  void rejectsPngClaimingHugeDimensionsBeforeDecoding() {
    byte[] bomb =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(100_000, 100_000, 8, 6, 0)),
            PngCrafter.chunk("IDAT", PngCrafter.deflate(new byte[1000])),
            PngCrafter.chunk("IEND", new byte[0]));

    // Decoding first would need 40 GB for the pixels: the refusal, not an OutOfMemoryError, shows
    // that the header alone decided.
    assertRefused(() -> preprocessor.fromEncoded(bomb), Reason.IMAGE_TOO_LARGE)
        .hasMessageContaining("100000×100000")
        .hasMessageContaining(String.valueOf(PreprocessingLimits.DEFAULT.maxPixels()));
  }

  @Test
  void rejectsImageWithOneSideOverTheLimit() {
    byte[] strip =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(9_000, 1, 8, 0, 0)),
            PngCrafter.chunk("IDAT", PngCrafter.deflate(new byte[9_001])),
            PngCrafter.chunk("IEND", new byte[0]));
    byte[] jpeg = digitJpeg();
    int frame = startOfFrame(jpeg);
    jpeg[frame + 5] = (byte) 0xEA;
    jpeg[frame + 7] = (byte) 0xEA;

    assertRefused(() -> preprocessor.fromEncoded(strip), Reason.IMAGE_TOO_LARGE)
        .hasMessageContaining("8192 px");
    assertRefused(() -> preprocessor.fromEncoded(jpeg), Reason.IMAGE_TOO_LARGE);
  }

  @Test
  void rejectsEncodedBytesOverTheLimit() {
    byte[] png = digitPng();
    DigitPreprocessor strict =
        new DigitPreprocessor(new PreprocessingLimits(png.length - 1, 1_000_000, 1_000));

    assertRefused(() -> strict.fromEncoded(png), Reason.ENCODED_TOO_LARGE)
        .hasMessageContaining(png.length + " bytes")
        .hasMessageContaining("limit is " + (png.length - 1));
    assertRefused(
        () -> strict.fromDataUrl(DigitDrawing.dataUrl("image/png", png)), Reason.ENCODED_TOO_LARGE);
  }

  @Test
  void rejectsInMemoryImageOverThePixelLimit() {
    DigitPreprocessor strict = new DigitPreprocessor(new PreprocessingLimits(1_000, 2_500, 1_000));

    assertRefused(
        () -> strict.fromImage(new BufferedImage(60, 50, BufferedImage.TYPE_INT_RGB)),
        Reason.IMAGE_TOO_LARGE);
  }

  @Test
  void findsNoInkOnEmptyCanvas() {
    assertRefused(
            () ->
                preprocessor.fromEncoded(
                    DigitDrawing.png(DigitDrawing.canvas(280, 280, Color.WHITE))),
            Reason.NO_INK)
        .hasMessageContaining("blank");
  }

  @Test
  void findsNoInkOnFullyTransparentCanvas() {
    assertRefused(
            () -> preprocessor.fromEncoded(DigitDrawing.png(DigitDrawing.canvas(280, 280, null))),
            Reason.NO_INK)
        .hasMessageContaining("transparent");
  }

  @Test
  void findsNoInkOnUniformGrey() {
    assertRefused(
        () -> preprocessor.fromEncoded(DigitDrawing.png(DigitDrawing.canvas(200, 150, Color.GRAY))),
        Reason.NO_INK);
  }

  @Test
  void findsNoInkInPhotoOfBlankPaper() {
    BufferedImage blank = PhotoSimulation.photograph(DigitDrawing.canvas(320, 240, Color.WHITE), 9);

    assertRefused(() -> preprocessor.fromEncoded(DigitDrawing.jpeg(blank, 0.85f)), Reason.NO_INK);
  }

  @Test
  void findsNoInkInFaintSmudgeOrLoneSpeck() {
    BufferedImage smudge =
        DigitDrawing.draw(
            DigitDrawing.canvas(200, 200, Color.WHITE),
            DigitDrawing.Shape.ZERO,
            new Rectangle2D.Double(50, 50, 100, 100),
            10,
            new Color(245, 245, 245));
    BufferedImage speck = DigitDrawing.canvas(200, 200, Color.WHITE);
    speck.setRGB(100, 100, 0xFF000000);

    assertRefused(() -> preprocessor.fromImage(smudge), Reason.NO_INK);
    assertRefused(() -> preprocessor.fromImage(speck), Reason.NO_INK)
        .hasMessageContaining("specks");
  }

  @Test
  void neverLetsAnUncheckedExceptionEscapeFromCorruptFiles() {
    byte[][] originals = {digitPng(), digitJpeg()};
    Random random = new Random(17);
    for (int trial = 0; trial < 300; trial++) {
      byte[] corrupt = originals[trial % 2].clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        corrupt[3 + random.nextInt(corrupt.length - 3)] = (byte) random.nextInt(256);
      }
      try {
        preprocessor.fromEncoded(corrupt);
      } catch (PreprocessingException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Offset of the 0xFF of the JPEG's SOF0 marker; length, precision, height and width follow. */
  private static int startOfFrame(byte[] jpeg) {
    for (int i = 2; i < jpeg.length - 1; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        return i;
      }
    }
    throw new AssertionError("no SOF0");
  }
}
