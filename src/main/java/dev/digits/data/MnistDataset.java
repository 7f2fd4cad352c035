package dev.digits.data;

import dev.digits.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MNIST in memory: 60,000 training and 10,000 test images with their labels, read from a folder
 * holding the four raw or gzipped IDX files and checked against their known SHA-256.
 *
 * @param train the training images and labels
 * @param test the official test images and labels
 * @param sha256 file name → SHA-256 of the raw bytes that were read
 */
public record MnistDataset(LabelledImages train, LabelledImages test, Map<String, String> sha256) {

  /**
   * Reads the four files from {@code dir}, accepting {@code name} or {@code name.gz}.
   *
   * @throws IOException naming the missing, corrupt or unexpected file
   */
  public static MnistDataset load(Path dir) throws IOException {
    Map<MnistFile, byte[]> raw = new EnumMap<>(MnistFile.class);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (MnistFile file : MnistFile.values()) {
      byte[] bytes = IdxReader.rawBytes(locate(dir, file));
      String actual = Sha256.hex(bytes);
      if (!actual.equals(file.sha256())) {
        throw new IOException(
            dir.resolve(file.fileName())
                + ": SHA-256 "
                + actual
                + " is not MNIST's "
                + file.sha256()
                + " (corrupt or different file; run `digits data fetch --force`)");
      }
      raw.put(file, bytes);
      hashes.put(file.fileName(), actual);
    }
    LabelledImages train =
        LabelledImages.of(
            IdxReader.parseImages(
                MnistFile.TRAIN_IMAGES.fileName(), raw.get(MnistFile.TRAIN_IMAGES)),
            IdxReader.parseLabels(
                MnistFile.TRAIN_LABELS.fileName(), raw.get(MnistFile.TRAIN_LABELS)));
    LabelledImages test =
        LabelledImages.of(
            IdxReader.parseImages(MnistFile.TEST_IMAGES.fileName(), raw.get(MnistFile.TEST_IMAGES)),
            IdxReader.parseLabels(
                MnistFile.TEST_LABELS.fileName(), raw.get(MnistFile.TEST_LABELS)));
    return new MnistDataset(train, test, Map.copyOf(hashes));
  }

  private static Path locate(Path dir, MnistFile file) throws IOException {
    Path raw = dir.resolve(file.fileName());
    if (Files.isRegularFile(raw)) {
      return raw;
    }
    Path gzipped = dir.resolve(file.gzipName());
    if (Files.isRegularFile(gzipped)) {
      return gzipped;
    }
    throw new IOException(
        "MNIST file "
            + file.fileName()
            + " not found in "
            + dir
            + " (run `digits data fetch` first, or pass --data DIR)");
  }
}
