package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheInspectorTest {
  @TempDir Path dir;

  private final FakeMnist mnist = new FakeMnist();

  @Test
  void completeCache() throws IOException {
    mnist.writeRaw(dir);

    CacheReport report = CacheInspector.inspect(dir, mnist.hashes());

    assertThat(report.exists()).isTrue();
    assertThat(report.complete()).isTrue();
    assertThat(report.missing()).isEmpty();
    assertThat(report.damaged()).isEmpty();
    CacheReport.FileReport images = report.file(MnistFile.TRAIN_IMAGES);
    assertThat(images.size()).isEqualTo(mnist.raw(MnistFile.TRAIN_IMAGES).length);
    assertThat(images.contents()).isEqualTo("5 images of 3×2");
    assertThat(images.classCounts()).isEmpty();
    CacheReport.FileReport labels = report.file(MnistFile.TRAIN_LABELS);
    assertThat(labels.contents()).isEqualTo("5 labels");
    assertThat(labels.classCounts()).containsExactly(1, 2, 1, 0, 0, 0, 0, 0, 0, 1);
    assertThat(report.file(MnistFile.TEST_LABELS).classCounts())
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 2, 0, 0);
  }

  @Test
  void missingFolder() throws IOException {
    CacheReport report = CacheInspector.inspect(dir.resolve("none"), mnist.hashes());

    assertThat(report.exists()).isFalse();
    assertThat(report.complete()).isFalse();
    assertThat(report.missing()).containsExactly(MnistFile.values());
  }

  @Test
  void damagedAndUnreadableFiles() throws IOException {
    mnist.writeRaw(dir);
    Files.write(dir.resolve(MnistFile.TEST_LABELS.fileName()), Idx.labels(3, 3, 3));
    Files.write(dir.resolve(MnistFile.TEST_IMAGES.fileName()), new byte[] {1, 2});

    CacheReport report = CacheInspector.inspect(dir, mnist.hashes());

    assertThat(report.damaged()).containsExactly(MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS);
    assertThat(report.file(MnistFile.TEST_LABELS).classCounts())
        .containsExactly(0, 0, 0, 3, 0, 0, 0, 0, 0, 0);
    assertThat(report.file(MnistFile.TEST_IMAGES).contents())
        .isEqualTo("t10k-images-idx3-ubyte: too short for an IDX images header (2 bytes)");
  }

  @Test
  void realHashesByDefault() throws IOException {
    mnist.writeRaw(dir);

    assertThat(CacheInspector.inspect(dir).damaged()).containsExactly(MnistFile.values());
  }
}
