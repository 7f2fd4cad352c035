package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.preprocessing.png.PngCrafter;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * PNGs the fast path leaves to ImageIO (palette, 16-bit, interlaced, colour-keyed), and every PNG
 * under {@link PngDecoder#IMAGEIO}: the same digits either way.
 */
class PngThroughImageIoTest {
  private static final PreprocessingLimits LIMITS = PreprocessingLimits.DEFAULT;

  @Test
  void sendsPaletteSixteenBitInterlacedAndColourKeyedPngsToImageIo() throws Exception {
    BufferedImage drawing =
        DigitDrawing.blackOnWhite(
            120, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(30, 20, 60, 80), 8);
    BufferedImage palette = new BufferedImage(120, 120, BufferedImage.TYPE_BYTE_INDEXED);
    palette.getGraphics().drawImage(drawing, 0, 0, null);
    BufferedImage sixteen = new BufferedImage(120, 120, BufferedImage.TYPE_USHORT_GRAY);
    sixteen.getGraphics().drawImage(drawing, 0, 0, null);
    byte[] interlaced = interlacedPng(drawing);
    byte[] colourKeyed =
        PngCrafter.withChunkBeforeIdat(
            DigitDrawing.png(greyCopy(drawing)),
            PngCrafter.chunk("tRNS", new byte[] {0, (byte) 255}));
    DigitPreprocessor preprocessor = new DigitPreprocessor(LIMITS);
    float[] expected = preprocessor.fromImage(drawing).pixels();

    for (byte[] png :
        new byte[][] {
          DigitDrawing.png(palette), DigitDrawing.png(sixteen), interlaced, colourKeyed
        }) {
      DigitImage digit = preprocessor.fromEncoded(png);
      assertThat(InkMeasure.meanAbsoluteDifference(digit.pixels(), expected)).isLessThan(0.02);
    }
  }

  @Test
  void readsTransparencyOfColourKeyedGrey() throws Exception {
    BufferedImage drawing =
        DigitDrawing.blackOnWhite(
            100, DigitDrawing.Shape.ONE, new Rectangle2D.Double(50, 10, 0, 80), 8);
    byte[] colourKeyed =
        PngCrafter.withChunkBeforeIdat(
            DigitDrawing.png(greyCopy(drawing)),
            PngCrafter.chunk("tRNS", new byte[] {0, (byte) 255}));

    DigitImage digit = new DigitPreprocessor(LIMITS).fromEncoded(colourKeyed);

    assertThat(digit.diagnostics().alphaUsed()).isTrue();
  }

  @Test
  void theImageIoSwitchReadsCanvasesAsTheFastPathDoes() throws Exception {
    DigitPreprocessor fast = new DigitPreprocessor(LIMITS, DecodingBudget.unlimited());
    DigitPreprocessor imageIo =
        new DigitPreprocessor(LIMITS, DecodingBudget.unlimited(), PngDecoder.IMAGEIO);
    for (String name :
        new String[] {"canvas-white-0.png", "canvas-transparent-03.png", "grey.png"}) {
      byte[] png = TestResources.bytes("golden/" + name);

      assertThat(imageIo.fromEncoded(png).pixels())
          .as(name)
          .isEqualTo(fast.fromEncoded(png).pixels());
    }
  }

  @Test
  void theImageIoSwitchStillRefusesBombsFromTheirHeader() {
    byte[] bomb =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(100_000, 100_000, 8, 0, 0)),
            PngCrafter.chunk("IDAT", PngCrafter.deflate(new byte[100])),
            PngCrafter.chunk("IEND", new byte[0]));
    DigitPreprocessor imageIo =
        new DigitPreprocessor(LIMITS, DecodingBudget.unlimited(), PngDecoder.IMAGEIO);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> imageIo.fromEncoded(bomb))
        .isInstanceOfSatisfying(
            PreprocessingException.class,
            e -> assertThat(e.reason()).isEqualTo(PreprocessingException.Reason.IMAGE_TOO_LARGE));
  }

  private static BufferedImage greyCopy(BufferedImage image) {
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(image, 0, 0, null);
    return grey;
  }

  private static byte[] interlacedPng(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
