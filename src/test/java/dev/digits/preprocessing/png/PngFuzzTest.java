package dev.digits.preprocessing.png;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzz targets for the fast PNG path (Jazzer): each checks the same properties as
 * {@link DifferentialTest}, on inputs Jazzer evolves towards code not yet reached. A normal build
 * replays the inputs kept under {@code src/test/resources/.../PngFuzzTestInputs}; fuzzing runs one
 * target at a time, e.g. for five minutes:
 *
 * <pre>JAZZER_FUZZ=1 mvn test -Dtest='PngFuzzTest#inflater' -Djazzer.max_duration=5m</pre>
 *
 * <p>Inputs that fail are written beside the kept ones; keep them, as regression tests, once fixed.
 */
class PngFuzzTest {

  /**
   * The inflater agrees with zlib: its first two bytes say how many bytes to inflate, the rest is
   * the zlib stream.
   */
  @FuzzTest
  void inflater(byte[] input) {
    if (input.length < 3) {
      return;
    }
    int size = 1 + ((input[0] & 0xFF) << 8 | (input[1] & 0xFF));
    Differential.assertInflaterAgreesWithZlib(Arrays.copyOfRange(input, 2, input.length), size);
  }

  /**
   * The decoder never fails but with {@link PngFormatException}, and decodes what ImageIO decodes
   * the same way. Checksums are made right first, so that the fuzzer explores the data, not CRCs.
   */
  @FuzzTest
  void decoder(byte[] input) {
    Differential.decoderAgreesWithImageIo(DifferentialTest.repaired(input));
  }
}
