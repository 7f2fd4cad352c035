package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void readsRawImages() throws IOException {
    byte[] bytes = Idx.images(3, 4, 2);
    IdxImages images = IdxReader.readImages(write("imgs", bytes));

    assertThat(images.count()).isEqualTo(3);
    assertThat(images.rows()).isEqualTo(4);
    assertThat(images.cols()).isEqualTo(2);
    assertThat(images.pixels()).isEqualTo(Arrays.copyOfRange(bytes, 16, bytes.length));
    assertThat(images.image(1)[0]).isEqualTo((bytes[16 + 8] & 0xFF) / 255f);
  }

  @Test
  void readsGzippedImagesTheSameAsRaw() throws IOException {
    byte[] raw = Idx.images(3, 4, 2);
    IdxImages fromRaw = IdxReader.readImages(write("raw", raw));
    IdxImages fromGzip = IdxReader.readImages(write("gz", Idx.gzip(raw)));

    assertThat(fromGzip.pixels()).isEqualTo(fromRaw.pixels());
    assertThat(fromGzip.count()).isEqualTo(3);
  }

  @Test
  void readsRawAndGzippedLabels() throws IOException {
    byte[] raw = Idx.labels(0, 9, 4, 4);

    assertThat(IdxReader.readLabels(write("raw", raw))).containsExactly(0, 9, 4, 4);
    assertThat(IdxReader.readLabels(write("gz", Idx.gzip(raw)))).containsExactly(0, 9, 4, 4);
  }

  @Test
  void truncatedImagesNameFileAndProblem() throws IOException {
    byte[] whole = Idx.images(3, 4, 2);
    Path file = write("short-images", Arrays.copyOf(whole, whole.length - 5));

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("short-images: ")
        .hasMessageContaining("truncated")
        .hasMessageContaining("promises 24 pixel bytes, file has 19");
  }

  @Test
  void truncatedLabels() throws IOException {
    byte[] whole = Idx.labels(1, 2, 3);
    Path file = write("short-labels", Arrays.copyOf(whole, whole.length - 1));

    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("short-labels: ")
        .hasMessageContaining("truncated");
  }

  @Test
  void wrongMagic() throws IOException {
    Path labelsAsImages = write("labels-file", Idx.labels(1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2));

    assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("labels-file: ")
        .hasMessageContaining("magic number 0x00000801, expected 0x00000803");
  }

  @Test
  void extraTrailingBytes() throws IOException {
    byte[] whole = Idx.images(1, 2, 2);
    Path file = write("long-images", Arrays.copyOf(whole, whole.length + 3));

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("long-images: ")
        .hasMessageContaining("3 unexpected bytes after the 4 pixel bytes");
  }

  @Test
  void labelOutOfRange() throws IOException {
    Path file = write("bad-labels", Idx.labels(3, 10, 1));

    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("bad-labels: ")
        .hasMessageContaining("label 1 is 10, not a digit");
  }

  @Test
  void labelAbove127IsOutOfRangeToo() throws IOException {
    Path file = write("bad-labels", Idx.labels(200));

    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .hasMessageContaining("label 0 is 200, not a digit");
  }

  @Test
  void zeroDimensions() throws IOException {
    Path zeroRows = write("zero-rows", Idx.withHeader(0x803, new int[] {2, 0, 28}, new byte[0]));
    Path zeroLabels = write("zero-labels", Idx.withHeader(0x801, new int[] {0}, new byte[0]));

    assertThatThrownBy(() -> IdxReader.readImages(zeroRows))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("zero-rows: ")
        .hasMessageContaining("implausible dimensions 2 × 0 × 28");
    assertThatThrownBy(() -> IdxReader.readLabels(zeroLabels))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("zero-labels: ")
        .hasMessageContaining("implausible label count 0");
  }

  @Test
  void fileShorterThanHeader() throws IOException {
    Path images = write("tiny-images", new byte[] {0, 0, 8, 3, 0, 0});
    Path labels = write("empty-labels", new byte[0]);

    assertThatThrownBy(() -> IdxReader.readImages(images))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("tiny-images: ")
        .hasMessageContaining("too short for an IDX images header (6 bytes)");
    assertThatThrownBy(() -> IdxReader.readLabels(labels))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("empty-labels: ")
        .hasMessageContaining("too short");
  }

  @Test
  void corruptGzip() throws IOException {
    byte[] gzip = Idx.gzip(Idx.images(4, 4, 4));
    for (int i = 12; i < gzip.length - 8; i++) {
      gzip[i] = (byte) (gzip[i] ^ 0x5a);
    }
    Path file = write("broken.gz", gzip);

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("broken.gz: ")
        .hasMessageContaining("corrupt gzip data");
  }

  @Test
  void truncatedGzip() throws IOException {
    byte[] gzip = Idx.gzip(Idx.labels(1, 2, 3));
    Path file = write("cut.gz", Arrays.copyOf(gzip, gzip.length / 2));

    assertThatThrownBy(() -> IdxReader.readLabels(file))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith("cut.gz: ")
        .hasMessageContaining("corrupt gzip data");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> IdxReader.readLabels(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void streamsAreDecompressedOnlyWhenGzipped() throws IOException {
    byte[] raw = Idx.labels(5, 6);

    assertThat(readAll(IdxReader.decompressIfGzipped(new ByteArrayInputStream(raw))))
        .isEqualTo(raw);
    assertThat(readAll(IdxReader.decompressIfGzipped(new ByteArrayInputStream(Idx.gzip(raw)))))
        .isEqualTo(raw);
    assertThat(readAll(IdxReader.decompressIfGzipped(new ByteArrayInputStream(new byte[1]))))
        .containsExactly(0);
  }

  @Test
  void damagedGzipStreamSaysSo() {
    byte[] gzip = Idx.gzip(Idx.images(4, 4, 4));
    byte[] cut = Arrays.copyOf(gzip, gzip.length - 12);

    assertThatThrownBy(() -> readAll(IdxReader.decompressIfGzipped(new ByteArrayInputStream(cut))))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt gzip data");
    assertThatThrownBy(
            () ->
                readAll(
                    IdxReader.decompressIfGzipped(
                        new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 1, 2}))))
        .hasMessageStartingWith("corrupt gzip data");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
