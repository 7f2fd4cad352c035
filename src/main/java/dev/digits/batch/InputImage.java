package dev.digits.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image to classify: an image file, one image of an IDX file, or a file found unreadable while
 * listing the inputs, which still takes its place in the list (and so in a shard) and is reported
 * as an error line.
 *
 * @param name how output lines name it: the file's path, or {@code path#index} for an IDX image
 * @param file the file it is read from
 * @param idxIndex the image's index in an IDX file; -1 for an image file
 * @param problem why the file cannot be read, or null
 */
public record InputImage(String name, Path file, int idxIndex, String problem) {
  public InputImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }

  static InputImage imageFile(Path file) {
    return new InputImage(file.toString(), file, -1, null);
  }

  static InputImage idxImage(Path file, int index) {
    return new InputImage(file + "#" + index, file, index, null);
  }

  static InputImage unreadable(Path file, String problem) {
    return new InputImage(file.toString(), file, -1, Objects.requireNonNull(problem, "problem"));
  }

  /** True for one image of an IDX file. */
  public boolean inIdxFile() {
    return idxIndex >= 0;
  }
}
