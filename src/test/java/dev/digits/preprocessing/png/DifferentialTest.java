package dev.digits.preprocessing.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.benchmark.CanvasDrawings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of zlib streams and PNGs, each decoded by the fast path and by the JDK
 * (zlib, ImageIO), which must agree: the same bytes and pixels whenever both decode. The same seeds
 * run in every build; {@link PngFuzzTest} explores further, guided by coverage.
 */
class DifferentialTest {
  private static final int STREAMS = 2_000;
  private static final int PNGS = 1_000;

  @Test
  void theInflaterAgreesWithZlibOnMutatedStreams() {
    Random random = new Random(21);
    for (int trial = 0; trial < STREAMS; trial++) {
      byte[] data = sample(random, 200 + random.nextInt(4_000));
      int level = random.nextInt(10);
      int strategy =
          new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY}
              [random.nextInt(3)];
      byte[] stream = mutate(deflate(data, level, strategy), random);
      int size = random.nextInt(8) == 0 ? data.length + random.nextInt(100) - 50 : data.length;
      Differential.assertInflaterAgreesWithZlib(stream, Math.max(1, size));
    }
  }

  @Test
  void theDecoderAgreesWithImageIoOnMutatedPngs() {
    Random random = new Random(22);
    List<byte[]> originals =
        List.of(
            CanvasDrawings.generate(1, 5, CanvasDrawings.Background.WHITE).get(0).png(),
            CanvasDrawings.generate(1, 6, CanvasDrawings.Background.TRANSPARENT).get(0).png(),
            PngCrafter.png(37, 23, 8, 0, rows(37, 23, 1, random), new int[] {0, 1, 2, 3, 4}, 2),
            PngCrafter.png(30, 20, 8, 2, rows(30, 20, 3, random), new int[] {4, 2}, 1),
            PngCrafter.png(25, 19, 8, 4, rows(25, 19, 2, random), new int[] {3}, 3));
    Map<Differential.Agreement, Integer> outcomes = new EnumMap<>(Differential.Agreement.class);
    for (byte[] original : originals) {
      assertThat(Differential.decoderAgreesWithImageIo(original))
          .isEqualTo(Differential.Agreement.BOTH_DECODED);
    }
    for (int trial = 0; trial < PNGS; trial++) {
      byte[] png = repaired(mutate(originals.get(trial % originals.size()), random));
      Differential.Agreement agreement = Differential.decoderAgreesWithImageIo(png);
      if (agreement != null) {
        outcomes.merge(agreement, 1, Integer::sum);
      }
    }
    // Enough mutants decode both ways for the comparison to mean something, and neither decoder
    // reads what the other refuses.
    assertThat(outcomes.getOrDefault(Differential.Agreement.BOTH_DECODED, 0))
        .as("outcomes %s", outcomes)
        .isGreaterThan(PNGS / 20);
    assertThat(outcomes)
        .as("outcomes %s", outcomes)
        .doesNotContainKeys(
            Differential.Agreement.ONLY_FAST_DECODED, Differential.Agreement.ONLY_IMAGE_IO_DECODED);
  }

  /** The inputs coverage-guided fuzzing found and kept, replayed without Jazzer's agent. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("keptInputs")
  void keptFuzzingInputsStillPass(String target, Path input) throws IOException {
    byte[] bytes = Files.readAllBytes(input);
    switch (target) {
      case "inflater" -> new PngFuzzTest().inflater(bytes);
      case "decoder" -> new PngFuzzTest().decoder(bytes);
      default -> throw new IllegalStateException("no fuzz target " + target);
    }
  }

  static Stream<Arguments> keptInputs() throws IOException, URISyntaxException {
    Path root = Path.of(DifferentialTest.class.getResource("PngFuzzTestInputs").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(file -> Arguments.of(file.getParent().getFileName().toString(), file))
          .toList()
          .stream();
    }
  }

  /** Bytes with runs, repeats near and far, and noise: what deflate codes every way it can. */
  private static byte[] sample(Random random, int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; ) {
      int kind = random.nextInt(4);
      int run = Math.min(size - i, 1 + random.nextInt(300));
      for (int k = 0; k < run; k++, i++) {
        data[i] =
            switch (kind) {
              case 0 -> 0;
              case 1 -> (byte) random.nextInt(256);
              case 2 -> i >= 3 ? data[i - 3] : 1;
              default -> i >= 700 ? data[i - 700] : (byte) k;
            };
      }
    }
    return data;
  }

  private static byte[][] rows(int width, int height, int channels, Random random) {
    byte[][] rows = new byte[height][width * channels];
    for (byte[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (byte) (i % 7 == 0 ? random.nextInt(256) : i * 3);
      }
    }
    return rows;
  }

  private static byte[] deflate(byte[] data, int level, int strategy) {
    Deflater deflater = new Deflater(level);
    deflater.setStrategy(strategy);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** One to three bit flips, byte replacements or truncations. */
  static byte[] mutate(byte[] original, Random random) {
    byte[] data = original.clone();
    for (int m = 1 + random.nextInt(3); m > 0 && data.length > 1; m--) {
      int at = random.nextInt(data.length);
      switch (random.nextInt(3)) {
        case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> data[at] = (byte) random.nextInt(256);
        default -> data = java.util.Arrays.copyOf(data, Math.max(1, at));
      }
    }
    return data;
  }

  /**
   * The PNG with its checksums made right again, so that a mutation is judged by what it does to
   * the data, not refused for a checksum: each chunk's CRC, and the zlib stream's Adler-32, which
   * ImageIO checks and the fast path, by design, leaves to the CRCs (docs/DECISIONS.md).
   */
  static byte[] repaired(byte[] png) {
    byte[] fixed = withCorrectCrcs(png);
    PngFile file;
    try {
      file = PngFile.parse(fixed, Differential::requireSmall);
    } catch (PngFormatException | Differential.TooLarge e) {
      return fixed;
    }
    if (!file.isCommonCase()) {
      return fixed;
    }
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < file.idatOffsets.length; i++) {
      stream.write(fixed, file.idatOffsets[i], file.idatLengths[i]);
    }
    byte[] raw = new byte[file.height * (1 + file.width * file.channels())];
    try {
      ZlibInflater.inflate(stream.toByteArray(), 0, stream.size(), raw);
    } catch (PngFormatException e) {
      return fixed;
    }
    Adler32 adler = new Adler32();
    adler.update(raw);
    int last = file.idatOffsets.length - 1;
    int end = file.idatOffsets[last] + file.idatLengths[last];
    if (file.idatLengths[last] >= 4) {
      PngCrafter.putInt(fixed, end - 4, (int) adler.getValue());
    }
    return withCorrectCrcs(fixed);
  }

  /** The PNG with each chunk's CRC made right, so that mutations reach the data behind them. */
  static byte[] withCorrectCrcs(byte[] png) {
    byte[] fixed = png.clone();
    int at = 8;
    while (at + 12 <= fixed.length) {
      long length = PngFile.readInt(fixed, at) & 0xFFFFFFFFL;
      if (length > fixed.length - at - 12) {
        break;
      }
      CRC32 crc = new CRC32();
      crc.update(fixed, at + 4, (int) length + 4);
      PngCrafter.putInt(fixed, at + 8 + (int) length, (int) crc.getValue());
      at += 12 + (int) length;
    }
    return fixed;
  }
}
