package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.preprocessing.PreprocessingException.Reason;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PngDecoderTest {

  private static final PreprocessingLimits LIMITS = PreprocessingLimits.DEFAULT;

  /** Rows of samples mixing smooth gradients, noise and flat runs, so every filter has work. */
  private static byte[][] samples(int width, int height, int channels, long seed) {
    Random random = new Random(seed);
    byte[][] rows = new byte[height][width * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          int value =
              switch ((x / 7 + y / 5 + c) % 3) {
                case 0 -> x * 9 + y * 5 + c * 40;
                case 1 -> random.nextInt(256);
                default -> 200;
              };
          rows[y][x * channels + c] = (byte) value;
        }
      }
    }
    return rows;
  }

  private static byte[][] decodeRows(byte[] png) throws PreprocessingException {
    PngFile file = PngFile.parse(png, LIMITS);
    byte[][] rows = new byte[file.height][];
    PngScanlines.read(
        file,
        (y, row, offset) ->
            rows[y] = Arrays.copyOfRange(row, offset, offset + file.width * file.channels()));
    return rows;
  }

  private static byte[][] imageIoRows(byte[] png) throws IOException {
    Raster raster = ImageIO.read(new ByteArrayInputStream(png)).getRaster();
    int bands = raster.getNumBands();
    byte[][] rows = new byte[raster.getHeight()][raster.getWidth() * bands];
    for (int y = 0; y < raster.getHeight(); y++) {
      for (int x = 0; x < raster.getWidth(); x++) {
        for (int b = 0; b < bands; b++) {
          rows[y][x * bands + b] = (byte) raster.getSample(x, y, b);
        }
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "colour type {0}, filter {1}")
  @CsvSource({
    "0, 0", "0, 1", "0, 2", "0, 3", "0, 4",
    "2, 0", "2, 1", "2, 2", "2, 3", "2, 4",
    "4, 0", "4, 1", "4, 2", "4, 3", "4, 4",
    "6, 0", "6, 1", "6, 2", "6, 3", "6, 4"
  })
  void decodesEveryColourTypeAndFilterLikeImageIo(int colourType, int filter) throws Exception {
    int channels = PngCrafter.channels(colourType);
    byte[][] rows = samples(37, 23, channels, colourType * 10L + filter);
    byte[] png = PngCrafter.png(37, 23, 8, colourType, rows, new int[] {filter}, 1);

    byte[][] decoded = decodeRows(png);

    assertThat(decoded).isDeepEqualTo(rows);
    assertThat(decoded).isDeepEqualTo(imageIoRows(png));
  }

  @Test
  void decodesMixedFiltersAcrossManyIdatChunks() throws Exception {
    byte[][] rows = samples(50, 40, 4, 7);
    byte[] png = PngCrafter.png(50, 40, 8, 6, rows, new int[] {4, 0, 3, 1, 2, 4, 4, 1}, 97);

    assertThat(decodeRows(png)).isDeepEqualTo(rows);
  }

  @Test
  void decodesUpFilteredRowsThatRepeatTheRowAboveAndRowsFilteredAgainstThem() throws Exception {
    // Rows repeat in threes: an Up row with nothing changed is handed on as the row above it, and
    // the rows after it (any filter) must still be reconstructed from the right row.
    byte[][] distinct = samples(41, 12, 4, 5);
    byte[][] rows = new byte[36][];
    for (int y = 0; y < rows.length; y++) {
      rows[y] = distinct[y / 3];
    }
    byte[] png = PngCrafter.png(41, 36, 8, 6, rows, new int[] {2, 2, 3, 2, 2, 4, 2, 2, 1}, 1);

    assertThat(decodeRows(png)).isDeepEqualTo(rows);
    assertThat(decodeRows(png)).isDeepEqualTo(imageIoRows(png));
  }

  /**
   * A drawing exported by headless Chromium's {@code canvas.toBlob(..., "image/png")} (white fill,
   * black round strokes): RGBA although opaque, every row filtered Up, fast deflate, IDAT chunks of
   * 4,096 bytes. The page sends exactly this kind of file.
   */
  @Test
  void decodesACanvasExportOfChromiumLikeImageIo() throws Exception {
    byte[] png = TestResources.bytes("chromium-canvas-export.png");
    PngFile file = PngFile.parse(png, LIMITS);
    assertThat(file.isCommonCase()).isTrue();
    assertThat(file.idatOffsets).hasSizeGreaterThan(1);

    LumaImage fast = PngPixels.decode(file);
    LumaImage reference = RasterLuminance.of(ImageIO.read(new ByteArrayInputStream(png)));

    assertThat(decodeRows(png)).isDeepEqualTo(imageIoRows(png));
    assertThat(fast.alpha).isNull();
    assertThat(fast.luma).isEqualTo(reference.luma);
  }

  @Test
  void decodesPngsThatImageIoWroteWithItsAdaptiveFilters() throws Exception {
    BufferedImage canvas =
        DigitDrawing.draw(
            DigitDrawing.canvas(300, 200, null),
            DigitDrawing.Shape.ZERO,
            new Rectangle2D.Double(80, 40, 120, 130),
            9,
            Color.BLUE);
    for (int type :
        new int[] {
          BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY
        }) {
      BufferedImage image = new BufferedImage(300, 200, type);
      image
          .getGraphics()
          .drawImage(
              canvas, 0, 0, type == BufferedImage.TYPE_4BYTE_ABGR ? null : Color.WHITE, null);
      byte[] png = DigitDrawing.png(image);

      assertThat(decodeRows(png)).as("type %d", type).isDeepEqualTo(imageIoRows(png));
    }
  }

  @Test
  void convertsPixelsToTheSameLumaAndAlphaAsTheImageIoPath() throws Exception {
    byte[][] rows = samples(64, 48, 4, 11);
    byte[] png = PngCrafter.png(64, 48, 8, 6, rows, new int[] {4, 1}, 2);

    LumaImage fast = PngPixels.decode(PngFile.parse(png, LIMITS));
    LumaImage reference = RasterLuminance.of(ImageIO.read(new ByteArrayInputStream(png)));

    assertThat(fast.alpha).isEqualTo(reference.alpha);
    assertThat(fast.coverage).isEqualTo(reference.coverage);
    assertThat(fast.coveredLuma).isEqualTo(reference.coveredLuma);
    for (int i = 0; i < fast.luma.length; i++) {
      if (fast.alpha[i] != 0) {
        assertThat(fast.luma[i]).as("pixel %d", i).isEqualTo(reference.luma[i]);
      }
    }
  }

  @Test
  void decodesImagesLargerThanOneDeflateWindow() throws Exception {
    byte[][] rows = samples(700, 90, 4, 3);
    byte[] png = PngCrafter.png(700, 90, 8, 6, rows, new int[] {0, 1, 2, 3, 4}, 3);

    assertThat(decodeRows(png)).isDeepEqualTo(rows);
  }

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
        withChunkBeforeIdat(
            DigitDrawing.png(greyCopy(drawing)),
            PngCrafter.chunk("tRNS", new byte[] {0, (byte) 255}));
    DigitPreprocessor preprocessor = new DigitPreprocessor(LIMITS);
    float[] expected = preprocessor.fromImage(drawing).pixels();

    for (byte[] png :
        new byte[][] {
          DigitDrawing.png(palette), DigitDrawing.png(sixteen), interlaced, colourKeyed
        }) {
      assertThat(PngFile.parse(png, LIMITS).isCommonCase()).isFalse();
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
        withChunkBeforeIdat(
            DigitDrawing.png(greyCopy(drawing)),
            PngCrafter.chunk("tRNS", new byte[] {0, (byte) 255}));

    DigitImage digit = new DigitPreprocessor(LIMITS).fromEncoded(colourKeyed);

    assertThat(digit.diagnostics().alphaUsed()).isTrue();
  }

  @Test
  void rejectsRowWithUnknownFilterType() {
    byte[][] rows = samples(10, 4, 1, 1);
    byte[] png = PngCrafter.png(10, 4, 8, 0, rows, new int[] {0}, 1);
    byte[] raw = new byte[4 * 11];
    for (int y = 0; y < 4; y++) {
      raw[y * 11] = (byte) (y == 2 ? 5 : 0);
      System.arraycopy(rows[y], 0, raw, y * 11 + 1, 10);
    }
    byte[] corrupt = replaceIdat(png, PngCrafter.deflate(raw));

    assertMalformed(corrupt, "filter type 5");
  }

  @Test
  void rejectsImageDataThatEndsEarly() {
    byte[][] rows = samples(10, 4, 1, 1);
    byte[] raw = new byte[3 * 11];
    byte[] png =
        replaceIdat(PngCrafter.png(10, 4, 8, 0, rows, new int[] {0}, 1), PngCrafter.deflate(raw));

    assertMalformed(png, "ends after");
  }

  @Test
  void rejectsChunkWithWrongCrc() {
    byte[] png = PngCrafter.png(10, 4, 8, 0, samples(10, 4, 1, 1), new int[] {0}, 1);
    png[png.length - 20]++;

    assertMalformed(png, "CRC");
  }

  @Test
  void rejectsUnknownCriticalChunkAndSplitImageData() {
    byte[] png = PngCrafter.png(10, 4, 8, 0, samples(10, 4, 1, 1), new int[] {0}, 2);

    assertMalformed(
        withChunkBeforeIdat(png, PngCrafter.chunk("ABCD", new byte[3])), "unknown critical chunk");
    int secondIdat = indexOf(png, "IDAT", indexOf(png, "IDAT", 0) + 4) - 4;
    byte[] split =
        concat(
            Arrays.copyOf(png, secondIdat),
            PngCrafter.chunk("tEXt", "a\0b".getBytes()),
            Arrays.copyOfRange(png, secondIdat, png.length));
    assertMalformed(split, "not consecutive");
  }

  @Test
  void rejectsInvalidHeaderCombinations() {
    byte[] badDepth =
        concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(4, 4, 3, 2, 0)),
            PngCrafter.chunk("IEND", new byte[0]));
    byte[] noPalette =
        concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(4, 4, 8, 3, 0)),
            PngCrafter.chunk("IDAT", PngCrafter.deflate(new byte[20])),
            PngCrafter.chunk("IEND", new byte[0]));
    byte[] zeroWidth =
        concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(0, 4, 8, 0, 0)),
            PngCrafter.chunk("IEND", new byte[0]));

    assertMalformed(badDepth, "bit depth 3");
    assertMalformed(noPalette, "PLTE");
    assertMalformed(zeroWidth, "0×4");
  }

  private static void assertMalformed(byte[] png, String messagePart) {
    assertThatThrownBy(() -> EncodedImage.open(png, LIMITS).decode())
        .isInstanceOf(PreprocessingException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((PreprocessingException) e).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  static byte[] replaceIdat(byte[] png, byte[] compressed) {
    int idat = indexOf(png, "IDAT", 0) - 4;
    int iend = indexOf(png, "IEND", 0) - 4;
    return concat(
        Arrays.copyOf(png, idat),
        PngCrafter.chunk("IDAT", compressed),
        Arrays.copyOfRange(png, iend, png.length));
  }

  static byte[] withChunkBeforeIdat(byte[] png, byte[] chunk) {
    int idat = indexOf(png, "IDAT", 0) - 4;
    return concat(Arrays.copyOf(png, idat), chunk, Arrays.copyOfRange(png, idat, png.length));
  }

  static int indexOf(byte[] data, String ascii, int from) {
    outer:
    for (int i = from; i <= data.length - ascii.length(); i++) {
      for (int j = 0; j < ascii.length(); j++) {
        if (data[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
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
