package dev.digits.preprocessing.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast path decodes what it decodes exactly as ImageIO does, and refuses broken files. */
class PngDecoderTest {

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

  /** Any size: the limits are the caller's business. */
  static PngFile parse(byte[] png) throws PngFormatException {
    return PngFile.parse(png, (width, height) -> {});
  }

  private static byte[][] decodeRows(byte[] png) throws PngFormatException {
    PngFile file = parse(png);
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
    byte[] png;
    try (InputStream in = PngDecoderTest.class.getResourceAsStream("chromium-canvas-export.png")) {
      png = in.readAllBytes();
    }
    PngFile file = parse(png);
    assertThat(file.isCommonCase()).isTrue();
    assertThat(file.idatOffsets).hasSizeGreaterThan(1);

    LumaPlanes fast = PngPixels.decode(file);

    assertThat(decodeRows(png)).isDeepEqualTo(imageIoRows(png));
    assertThat(fast.alpha()).isNull();
    assertThat(fast.luma()).isEqualTo(ImageIoReference.planes(png).luma());
  }

  @Test
  void decodesPngsThatImageIoWroteWithItsAdaptiveFilters() throws Exception {
    for (int type :
        new int[] {
          BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY
        }) {
      BufferedImage image = new BufferedImage(300, 200, type);
      Graphics2D g = image.createGraphics();
      if (type != BufferedImage.TYPE_4BYTE_ABGR) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.BLUE);
      g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.drawOval(80, 40, 120, 130);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      byte[] png = out.toByteArray();

      assertThat(decodeRows(png)).as("type %d", type).isDeepEqualTo(imageIoRows(png));
    }
  }

  @Test
  void convertsPixelsToTheSameLumaAndAlphaAsImageIo() throws Exception {
    byte[][] rows = samples(64, 48, 4, 11);
    byte[] png = PngCrafter.png(64, 48, 8, 6, rows, new int[] {4, 1}, 2);

    LumaPlanes fast = PngPixels.decode(parse(png));
    LumaPlanes reference = ImageIoReference.planes(png);

    assertThat(fast.alpha()).isEqualTo(reference.alpha());
    assertThat(fast.coverage()).isEqualTo(reference.coverage());
    assertThat(fast.coveredLuma()).isEqualTo(reference.coveredLuma());
    for (int i = 0; i < fast.luma().length; i++) {
      if (fast.alpha()[i] != 0) {
        assertThat(fast.luma()[i]).as("pixel %d", i).isEqualTo(reference.luma()[i]);
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
        PngCrafter.withChunkBeforeIdat(png, PngCrafter.chunk("ABCD", new byte[3])),
        "unknown critical chunk");
    int secondIdat = PngCrafter.indexOf(png, "IDAT", PngCrafter.indexOf(png, "IDAT", 0) + 4) - 4;
    byte[] split =
        PngCrafter.concat(
            Arrays.copyOf(png, secondIdat),
            PngCrafter.chunk("tEXt", "a\0b".getBytes()),
            Arrays.copyOfRange(png, secondIdat, png.length));
    assertMalformed(split, "not consecutive");
  }

  @Test
  void rejectsInvalidHeaderCombinations() {
    byte[] badDepth =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(4, 4, 3, 2, 0)),
            PngCrafter.chunk("IEND", new byte[0]));
    byte[] noPalette =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(4, 4, 8, 3, 0)),
            PngCrafter.chunk("IDAT", PngCrafter.deflate(new byte[20])),
            PngCrafter.chunk("IEND", new byte[0]));

    byte[] zeroWidth =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(0, 4, 8, 0, 0)),
            PngCrafter.chunk("IEND", new byte[0]));
    byte[] overlong =
        PngCrafter.concat(
            PngCrafter.SIGNATURE,
            PngCrafter.chunk("IHDR", PngCrafter.ihdr(0x8000_0000L, 4, 8, 0, 0)),
            PngCrafter.chunk("IEND", new byte[0]));

    assertMalformed(badDepth, "bit depth 3");
    assertMalformed(noPalette, "PLTE");
    assertMalformed(zeroWidth, "0×4");
    assertMalformed(overlong, "2147483648×4");
  }

  private static void assertMalformed(byte[] png, String messagePart) {
    assertThatThrownBy(() -> PngPixels.decode(parse(png)))
        .isInstanceOf(PngFormatException.class)
        .hasMessageContaining(messagePart);
  }

  static byte[] replaceIdat(byte[] png, byte[] compressed) {
    int idat = PngCrafter.indexOf(png, "IDAT", 0) - 4;
    int iend = PngCrafter.indexOf(png, "IEND", 0) - 4;
    return PngCrafter.concat(
        Arrays.copyOf(png, idat),
        PngCrafter.chunk("IDAT", compressed),
        Arrays.copyOfRange(png, iend, png.length));
  }
}
