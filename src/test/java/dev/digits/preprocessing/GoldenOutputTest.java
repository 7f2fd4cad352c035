package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the model's input, bit for bit, for a fixed set of images that cover every path through
 * preprocessing: transparent and opaque canvases, translucent ink with a speck, ink touching the
 * edge, a thin stroke that gets thickened, light ink on dark, grey and a photo of uneven paper.
 *
 * <p>The expected digests were written by the preprocessing as first released; a speed-up must
 * reproduce them exactly. A deliberate change of the output updates {@code expected-sha256.txt} and
 * says why in its commit.
 */
class GoldenOutputTest {
  private static final String FOLDER = "golden/";
  private final DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  static Stream<String[]> expected() {
    return resource("expected-sha256.txt")
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expected")
  void modelInputIsUnchanged(String file, String sha256) throws Exception {
    float[] pixels = preprocessor.fromEncoded(bytes(file)).pixels();

    assertThat(sha256(pixels)).isEqualTo(sha256);
  }

  private static String sha256(float[] pixels) throws NoSuchAlgorithmException {
    ByteBuffer bits = ByteBuffer.allocate(pixels.length * Float.BYTES);
    for (float pixel : pixels) {
      bits.putInt(Float.floatToIntBits(pixel));
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bits.array()));
  }

  private static String resource(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    return TestResources.bytes(FOLDER + name);
  }
}
