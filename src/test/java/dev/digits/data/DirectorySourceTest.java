package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
  @TempDir Path folder;

  private final FakeMnist mnist = new FakeMnist();
  private final RecordingListener listener = new RecordingListener();

  @Test
  void readsRawFiles() throws IOException {
    mnist.writeRaw(folder);

    assertThat(fetch(MnistFile.TRAIN_IMAGES)).isEqualTo(mnist.raw(MnistFile.TRAIN_IMAGES));
    assertThat(listener.progress).isNotEmpty();
  }

  @Test
  void readsGzippedFilesAsRaw() throws IOException {
    Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), mnist.gzipped(MnistFile.TEST_LABELS));

    assertThat(fetch(MnistFile.TEST_LABELS)).isEqualTo(mnist.raw(MnistFile.TEST_LABELS));
  }

  @Test
  void prefersTheRawFileWhenBothAreThere() throws IOException {
    Files.write(folder.resolve("t10k-labels-idx1-ubyte"), mnist.raw(MnistFile.TEST_LABELS));
    Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 0});

    assertThat(fetch(MnistFile.TEST_LABELS)).isEqualTo(mnist.raw(MnistFile.TEST_LABELS));
  }

  @Test
  void missingFileNamesBothNames() {
    assertThatThrownBy(() -> fetch(MnistFile.TEST_LABELS))
        .hasMessage("no t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz there");
  }

  @Test
  void damagedGzipSaysSo() throws IOException {
    byte[] gzipped = mnist.gzipped(MnistFile.TEST_IMAGES);
    Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(gzipped, 20));

    assertThatThrownBy(() -> fetch(MnistFile.TEST_IMAGES))
        .hasMessageStartingWith("corrupt gzip data");
  }

  @Test
  void fillsTheCacheThroughTheFetcher() throws IOException {
    for (MnistFile file : MnistFile.values()) {
      Files.write(folder.resolve(file.gzipName()), mnist.gzipped(file));
    }
    Path cache = folder.resolve("cache");

    FetchResult result =
        MnistFetcher.builder(cache)
            .preferred(new DirectorySource(folder))
            .sources(List.of())
            .expectedSha256(mnist.hashes())
            .build()
            .fetch(listener);

    assertThat(mnist.isIn(cache)).isTrue();
    assertThat(result.origins().values()).containsOnly("folder " + folder);
  }

  private byte[] fetch(MnistFile file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DirectorySource(folder).fetch(file, out, listener);
    return out.toByteArray();
  }
}
