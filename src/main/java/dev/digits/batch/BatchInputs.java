package dev.digits.batch;

import dev.digits.data.IdxReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the images behind a command line's inputs, in an order that depends only on the inputs and
 * the files, never on the file system's listing order: the inputs in the order given; a folder's
 * files (recursively, hidden ones left out) sorted by path; an IDX images file's images by index.
 * Sharding relies on this order being the same in every process.
 */
public final class BatchInputs {
  /** The magic number of an IDX images file (unsigned bytes, three dimensions). */
  private static final int IDX_IMAGES_MAGIC = 0x00000803;

  private static final int IDX_HEADER_BYTES = 16;

  private BatchInputs() {}

  /**
   * Every image behind {@code inputs}. Reads only the first bytes of each file, to tell IDX files
   * (recognised by their magic number, gzipped or not) from image files.
   *
   * @throws IOException when an input is neither a file nor a folder, or a folder cannot be listed
   */
  public static List<InputImage> list(List<Path> inputs) throws IOException {
    List<InputImage> images = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        for (Path file : filesIn(input)) {
          images.addAll(imagesIn(file));
        }
      } else if (Files.isRegularFile(input)) {
        images.addAll(imagesIn(input));
      } else {
        throw new IOException(input + ": no such file or folder");
      }
    }
    return images;
  }

  private static List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !isHidden(folder.relativize(file)))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  /** A file or folder whose name starts with a dot, as editors and version control leave. */
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<InputImage> imagesIn(Path file) {
    byte[] head;
    try (InputStream in = IdxReader.decompressIfGzipped(Files.newInputStream(file))) {
      head = in.readNBytes(IDX_HEADER_BYTES);
    } catch (IOException e) {
      return List.of(InputImage.unreadable(file, "cannot read: " + e.getMessage()));
    }
    if (head.length < 4 || ByteBuffer.wrap(head).getInt() != IDX_IMAGES_MAGIC) {
      return List.of(InputImage.imageFile(file));
    }
    if (head.length < IDX_HEADER_BYTES) {
      return List.of(InputImage.unreadable(file, "too short for an IDX images header"));
    }
    ByteBuffer header = ByteBuffer.wrap(head, 4, IDX_HEADER_BYTES - 4);
    int count = header.getInt();
    int rows = header.getInt();
    int cols = header.getInt();
    if (count <= 0 || rows <= 0 || cols <= 0) {
      return List.of(
          InputImage.unreadable(
              file, "implausible IDX dimensions " + count + " × " + rows + " × " + cols));
    }
    List<InputImage> images = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      images.add(InputImage.idxImage(file, index));
    }
    return images;
  }
}
