package dev.digits.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a cache folder holds, from {@link CacheInspector}.
 *
 * @param directory the folder inspected
 * @param exists whether the folder exists at all
 * @param files one report per MNIST file, in {@link MnistFile} order
 */
public record CacheReport(Path directory, boolean exists, List<FileReport> files) {

  public CacheReport {
    files = List.copyOf(files);
  }

  /** True when all four files are present with the right SHA-256. */
  public boolean complete() {
    return files.stream().allMatch(f -> f.present() && f.sha256Ok());
  }

  /** The files that are not there. */
  public List<MnistFile> missing() {
    return files.stream().filter(f -> !f.present()).map(FileReport::file).toList();
  }

  /** The files that are there but have the wrong SHA-256. */
  public List<MnistFile> damaged() {
    return files.stream().filter(f -> f.present() && !f.sha256Ok()).map(FileReport::file).toList();
  }

  /** The report on {@code file}. */
  public FileReport file(MnistFile file) {
    return files.get(file.ordinal());
  }

  /**
   * One file of the cache.
   *
   * @param file which file
   * @param present whether it exists
   * @param size its size in bytes (0 if absent)
   * @param sha256Ok whether its SHA-256 is the expected one
   * @param contents what it holds ("60000 images of 28×28", "60000 labels"), or the format problem
   *     that stopped it being read; empty if absent
   * @param classCounts for a readable label file, how many labels of each digit 0–9; else empty
   */
  public record FileReport(
      MnistFile file,
      boolean present,
      long size,
      boolean sha256Ok,
      String contents,
      List<Integer> classCounts) {

    public FileReport {
      classCounts = List.copyOf(classCounts);
    }

    static FileReport missing(MnistFile file) {
      return new FileReport(file, false, 0, false, "", List.of());
    }
  }
}
