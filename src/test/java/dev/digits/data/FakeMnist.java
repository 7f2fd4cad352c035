package dev.digits.data;

import dev.digits.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A miniature MNIST: four small valid IDX files under the real names, with their SHA-256s, so the
 * fetcher can be tested end to end without the real data.
 */
final class FakeMnist {
  private final Map<MnistFile, byte[]> raw = new EnumMap<>(MnistFile.class);

  FakeMnist() {
    raw.put(MnistFile.TRAIN_IMAGES, Idx.images(5, 3, 2));
    raw.put(MnistFile.TRAIN_LABELS, Idx.labels(0, 1, 2, 1, 9));
    raw.put(MnistFile.TEST_IMAGES, Idx.images(2, 3, 2));
    raw.put(MnistFile.TEST_LABELS, Idx.labels(7, 7));
  }

  byte[] raw(MnistFile file) {
    return raw.get(file).clone();
  }

  byte[] gzipped(MnistFile file) {
    return Idx.gzip(raw.get(file));
  }

  /** The hashes to give the fetcher instead of MNIST's. */
  Map<MnistFile, String> hashes() {
    Map<MnistFile, String> hashes = new EnumMap<>(MnistFile.class);
    raw.forEach((file, bytes) -> hashes.put(file, Sha256.hex(bytes)));
    return hashes;
  }

  /** Writes the four raw files into {@code dir}. */
  void writeRaw(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (MnistFile file : MnistFile.values()) {
      Files.write(dir.resolve(file.fileName()), raw.get(file));
    }
  }

  /** True when {@code dir} holds exactly these four raw files under their names. */
  boolean isIn(Path dir) throws IOException {
    for (MnistFile file : MnistFile.values()) {
      Path path = dir.resolve(file.fileName());
      if (!Files.isRegularFile(path) || !Sha256.hex(path).equals(Sha256.hex(raw.get(file)))) {
        return false;
      }
    }
    return true;
  }
}
