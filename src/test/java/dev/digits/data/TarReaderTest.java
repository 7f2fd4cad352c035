package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TarReaderTest {
  private final byte[] small = "hello".getBytes(StandardCharsets.US_ASCII);
  private final byte[] big = Idx.images(3, 20, 20); // spans several blocks

  @Test
  void copiesTheNamedEntryAndSkipsOthers() throws IOException {
    byte[] tar =
        new TarBuilder()
            .folder("package/")
            .file("package/readme.md", small)
            .file("package/data/images", big)
            .file("package/data/labels", small)
            .build();

    assertThat(copy(tar, "package/data/images")).isEqualTo(big);
    assertThat(copy(tar, "package/data/labels")).isEqualTo(small);
  }

  @Test
  void missingEntryIsFalse() throws IOException {
    byte[] tar = new TarBuilder().file("package/a", small).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(TarReader.copyEntry(new ByteArrayInputStream(tar), "package/b", out)).isFalse();
    assertThat(out.size()).isZero();
  }

  @Test
  void folderWithTheSameNameIsNotAFile() throws IOException {
    byte[] tar = new TarBuilder().folder("package/data").build();

    assertThat(
            TarReader.copyEntry(
                new ByteArrayInputStream(tar), "package/data", new ByteArrayOutputStream()))
        .isFalse();
  }

  @Test
  void joinsUstarPrefixAndName() throws IOException {
    byte[] tar = new TarBuilder().fileWithPrefix("package/data", "labels", small).build();

    assertThat(copy(tar, "package/data/labels")).isEqualTo(small);
  }

  @Test
  void badChecksumIsDamage() {
    byte[] tar = new TarBuilder().file("package/a", small).build();
    tar[0] = 'q';

    assertThatThrownBy(() -> copy(tar, "package/a"))
        .hasMessageStartingWith("damaged tar archive: header checksum");
  }

  @Test
  void nonOctalSizeIsDamage() {
    byte[] header = TarBuilder.header("package/a", "", '0', 5);
    byte[] tar =
        new TarBuilder()
            .raw(TarBuilder.withChecksum(withField(header, 124, "00000000009\0")))
            .build();

    assertThatThrownBy(() -> copy(tar, "package/a"))
        .hasMessage("damaged tar archive: size of package/a is not an octal number: 00000000009");
  }

  @Test
  void headerWithoutUstarMagicIsRejected() {
    byte[] header = TarBuilder.header("package/a", "", '0', 0);
    byte[] tar =
        new TarBuilder().raw(TarBuilder.withChecksum(withField(header, 257, "xxxxx\0"))).build();

    assertThatThrownBy(() -> copy(tar, "package/a"))
        .hasMessageContaining("not a ustar tar archive");
  }

  @Test
  void archiveCutInsideTheWantedEntryIsTruncated() {
    byte[] tar = new TarBuilder().file("package/big", big).withoutEndMarker();
    byte[] cut = Arrays.copyOf(tar, 512 + 700);

    assertThatThrownBy(() -> copy(cut, "package/big"))
        .hasMessage(
            "truncated tar archive: package/big ends after 700 of " + big.length + " bytes");
  }

  @Test
  void archiveCutInsideAnotherEntryIsTruncated() {
    byte[] tar = new TarBuilder().file("package/big", big).withoutEndMarker();
    byte[] cut = Arrays.copyOf(tar, 512 + 700);

    assertThatThrownBy(() -> copy(cut, "package/other"))
        .hasMessageStartingWith("truncated tar archive: package/big ends after");
  }

  @Test
  void archiveWithoutEndMarkerIsTruncated() {
    byte[] tar = new TarBuilder().file("package/a", small).withoutEndMarker();

    assertThatThrownBy(() -> copy(tar, "package/b"))
        .hasMessage("truncated tar archive: it ends before its end marker");
  }

  private static byte[] copy(byte[] tar, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(TarReader.copyEntry(new ByteArrayInputStream(tar), name, out)).isTrue();
    return out.toByteArray();
  }

  private static byte[] withField(byte[] header, int offset, String value) {
    byte[] copy = header.clone();
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, copy, offset, bytes.length);
    return copy;
  }
}
