package dev.digits.data;

import dev.digits.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Looks at what a cache folder holds, changing nothing; for {@code digits data info}. */
public final class CacheInspector {
  private CacheInspector() {}

  /** Inspects {@code directory} against MNIST's hashes. */
  public static CacheReport inspect(Path directory) throws IOException {
    Map<MnistFile, String> hashes = new EnumMap<>(MnistFile.class);
    for (MnistFile file : MnistFile.values()) {
      hashes.put(file, file.sha256());
    }
    return inspect(directory, hashes);
  }

  /** Inspects {@code directory} against the given hashes (tests use small fake files). */
  public static CacheReport inspect(Path directory, Map<MnistFile, String> expectedSha256)
      throws IOException {
    List<CacheReport.FileReport> files = new ArrayList<>();
    for (MnistFile file : MnistFile.values()) {
      files.add(inspectFile(directory.resolve(file.fileName()), file, expectedSha256.get(file)));
    }
    return new CacheReport(directory, Files.isDirectory(directory), files);
  }

  private static CacheReport.FileReport inspectFile(Path path, MnistFile file, String expected)
      throws IOException {
    if (!Files.isRegularFile(path)) {
      return CacheReport.FileReport.missing(file);
    }
    byte[] bytes = Files.readAllBytes(path);
    boolean hashOk = Sha256.hex(bytes).equals(expected);
    try {
      return switch (file) {
        case TRAIN_IMAGES, TEST_IMAGES -> {
          IdxImages images = IdxReader.parseImages(file.fileName(), bytes);
          yield new CacheReport.FileReport(
              file,
              true,
              bytes.length,
              hashOk,
              images.count() + " images of " + images.rows() + "×" + images.cols(),
              List.of());
        }
        case TRAIN_LABELS, TEST_LABELS -> {
          byte[] labels = IdxReader.parseLabels(file.fileName(), bytes);
          yield new CacheReport.FileReport(
              file, true, bytes.length, hashOk, labels.length + " labels", classCounts(labels));
        }
      };
    } catch (IdxFormatException e) {
      return new CacheReport.FileReport(
          file, true, bytes.length, hashOk, e.getMessage(), List.of());
    }
  }

  private static List<Integer> classCounts(byte[] labels) {
    Integer[] counts = new Integer[10];
    Arrays.fill(counts, 0);
    for (byte label : labels) {
      counts[label]++;
    }
    return List.of(counts);
  }
}
