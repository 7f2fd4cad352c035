package dev.digits.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.preprocessing.DigitImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what the model sees of real pen trajectories: the first bundled digit of each label,
 * replayed on the page's canvas ({@link PenDigitDrawings}) in a fully fixed style — 200 px, an 18
 * px pen, no slant, rotation, stretch or wobble, placed by a seeded generator — then painted and
 * preprocessed as the server does ({@link CanvasPath}). The 28 × 28 result must match a golden PNG.
 *
 * <p>Each pixel may differ by {@value #TOLERANCE} grey levels: the canvas is painted with Java2D's
 * anti-aliasing, whose coverage of edge pixels may change by a level or so between JDK builds and
 * processors; any change to the strokes, the style's geometry or the preprocessing moves pixels by
 * far more.
 *
 * <p>After a deliberate change, regenerate the goldens and say why in the commit: {@code mvn -o
 * test -Dtest=PenDigitGoldenTest -Ddigits.golden.update=true} writes them into {@value
 * #SOURCE_FOLDER} (run from the project's folder) and then passes.
 */
class PenDigitGoldenTest {
  private static final int TOLERANCE = 2;
  private static final String SOURCE_FOLDER = "src/test/resources/dev/digits/corpus/golden";
  private static final PenStyle FIXED = new PenStyle(200, 200, 18, 18, 0.4, 0, 0, 0, 0);
  private static final long PLACEMENT_SEED = 16;

  private static List<PenDigit> firstOfEachLabel;

  @BeforeAll
  static void digits() throws IOException {
    List<PenDigit> all = PenDigits.bundled().digits();
    firstOfEachLabel = new ArrayList<>();
    for (int label = 0; label < 10; label++) {
      int wanted = label;
      firstOfEachLabel.add(all.stream().filter(d -> d.label() == wanted).findFirst().orElseThrow());
    }
  }

  static IntStream labels() {
    return IntStream.range(0, 10);
  }

  @ParameterizedTest(name = "the first {0}")
  @MethodSource("labels")
  void aPenDigitReachesTheModelAsTheGoldenImage(int label) throws Exception {
    PenDigit digit = firstOfEachLabel.get(label);
    DigitImage input =
        CanvasPath.toModelInput(
            PenDigitDrawings.draw(digit, FIXED, new SplittableRandom(PLACEMENT_SEED)));
    byte[] png = input.toPng(1);
    String name = "pen-digit-" + label + ".png";
    if (Boolean.getBoolean("digits.golden.update")) {
      Files.write(Files.createDirectories(Path.of(SOURCE_FOLDER)).resolve(name), png);
    }

    int[] actual = grey(png);
    int[] golden = grey(golden(name));

    assertThat(actual).hasSameSizeAs(golden);
    int worst = 0;
    for (int i = 0; i < actual.length; i++) {
      worst = Math.max(worst, Math.abs(actual[i] - golden[i]));
    }
    assertThat(worst)
        .as("largest difference from %s, in grey levels", name)
        .isLessThanOrEqualTo(TOLERANCE);
  }

  private static byte[] golden(String name) throws IOException {
    Path regenerated = Path.of(SOURCE_FOLDER, name);
    if (Boolean.getBoolean("digits.golden.update")) {
      return Files.readAllBytes(regenerated);
    }
    try (InputStream in = PenDigitGoldenTest.class.getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden image %s (see the class comment to make it)", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static int[] grey(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(DigitImage.SIDE);
    assertThat(image.getHeight()).isEqualTo(DigitImage.SIDE);
    int[] levels = new int[DigitImage.SIDE * DigitImage.SIDE];
    for (int y = 0; y < DigitImage.SIDE; y++) {
      for (int x = 0; x < DigitImage.SIDE; x++) {
        levels[y * DigitImage.SIDE + x] = image.getRaster().getSample(x, y, 0);
      }
    }
    return levels;
  }
}
