package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenDigitsTest {
  private static final String TWO_DIGITS =
      """
      .INCLUDE        dene.doc
      .SEGMENT DIGIT    0 ? "8"
      .COMMENT 8 12  224
      .PEN_DOWN
       267  333
       268  330
      .PEN_UP
      .SEGMENT DIGIT    1 ? "2"
      .COMMENT 2 26   54
      .PEN_DOWN
       10  20
      .PEN_UP
      .PEN_DOWN
       11  21
      .PEN_UP
      """;

  @TempDir Path dir;

  @Test
  void theBundledSetIsTheUciTrainingFileOf7494DigitsBy30Writers() throws IOException {
    PenDigits bundled = PenDigits.bundled();

    assertThat(bundled.size()).isEqualTo(7_494);
    assertThat(bundled.writers()).hasSize(30);
    assertThat(bundled.sha256()).isEqualTo(PenDigits.BUNDLED_SHA256).startsWith("a66225d6");
    assertThat(bundled.digits())
        .extracting(PenDigit::label)
        .containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(bundled.digits().get(0).label()).isEqualTo(8);
    assertThat(bundled.digits().get(0).writer()).isEqualTo(12);
  }

  @Test
  void readsAPlainFileAndAGzippedOneTheSame() throws IOException {
    byte[] raw = TWO_DIGITS.getBytes(StandardCharsets.US_ASCII);
    PenDigits plain = PenDigits.read(write("digits.txt", raw));
    PenDigits gzipped = PenDigits.read(write("digits.gz", Idx.gzip(raw)));

    assertThat(plain.size()).isEqualTo(2);
    assertThat(plain.writers()).containsExactly(12, 26);
    assertThat(plain.digits().get(1).strokes()).hasSize(2);
    assertThat(gzipped.digits())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(plain.digits());
    assertThat(plain.sha256()).isEqualTo(Sha256.hex(raw));
    assertThat(gzipped.sha256()).as("the hash is of the raw bytes").isEqualTo(plain.sha256());
    assertThat(gzipped.source()).isEqualTo(dir.resolve("digits.gz").toString());
  }

  @Test
  void aFormatErrorNamesTheFileAndLine() throws IOException {
    Path file =
        write(
            "broken.gz",
            Idx.gzip(TWO_DIGITS.replace(" 268  330", " 268").getBytes(StandardCharsets.US_ASCII)));

    assertThatThrownBy(() -> PenDigits.read(file))
        .isInstanceOf(UnipenFormatException.class)
        .hasMessageStartingWith(file + ", line 6: expected a point");
  }

  @Test
  void damagedGzipDataIsAClearErrorNamingTheFile() throws IOException {
    byte[] gzipped = Idx.gzip(TWO_DIGITS.getBytes(StandardCharsets.US_ASCII));
    byte[] damaged = gzipped.clone();
    for (int i = 10; i < damaged.length - 8; i++) {
      damaged[i] ^= 0x5A;
    }
    Path file = write("damaged.gz", damaged);

    assertThatThrownBy(() -> PenDigits.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": damaged gzip data");
  }

  @Test
  void aTruncatedGzipFileIsAClearErrorNamingTheFile() throws IOException {
    byte[] gzipped = Idx.gzip(TWO_DIGITS.repeat(20).getBytes(StandardCharsets.US_ASCII));
    Path file = write("truncated.gz", Arrays.copyOf(gzipped, gzipped.length / 2));

    assertThatThrownBy(() -> PenDigits.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": damaged gzip data");
  }

  @Test
  void aMissingFileIsAClearErrorNamingIt() {
    Path missing = dir.resolve("no-such-file.gz");

    assertThatThrownBy(() -> PenDigits.read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(missing + ": pen-digit file not found");
  }

  @Test
  void aFolderIsAClearErrorNamingIt() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("a-folder"));

    assertThatThrownBy(() -> PenDigits.read(folder))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + ": is a folder, not a pen-digit file");
  }

  @Test
  void anEmptyFileHoldsNoDigits() throws IOException {
    PenDigits empty = PenDigits.read(write("empty.txt", new byte[0]));

    assertThat(empty.size()).isZero();
    assertThat(empty.writers()).isEmpty();
  }

  @Test
  void theDigitsCannotBeChangedThroughTheSet() throws IOException {
    PenDigits digits =
        PenDigits.read(write("digits.txt", TWO_DIGITS.getBytes(StandardCharsets.US_ASCII)));
    PenDigit.PenStroke stroke = digits.digits().get(0).strokes().get(0);
    stroke.x()[0] = 999;

    assertThat(stroke.x(0)).isEqualTo(267);
    assertThatThrownBy(() -> digits.digits().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPenDigitNeedsALabel0To9AndAStroke() {
    PenDigit.PenStroke dot = new PenDigit.PenStroke(new int[] {1}, new int[] {2});

    assertThatThrownBy(() -> new PenDigit(10, 1, 1, java.util.List.of(dot)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenDigit(3, 1, 1, java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenDigit.PenStroke(new int[] {1, 2}, new int[] {2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PenDigit.PenStroke(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
