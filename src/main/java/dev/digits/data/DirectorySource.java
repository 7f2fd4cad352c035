package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder the user names with {@code --from}: holds each file raw ({@code
 * train-images-idx3-ubyte}) or gzipped ({@code train-images-idx3-ubyte.gz}), as downloaded from any
 * MNIST mirror.
 */
public final class DirectorySource implements MnistSource {
  private final Path directory;

  /**
   * A source reading from {@code directory}; a missing folder fails each file, not construction.
   */
  public DirectorySource(Path directory) {
    this.directory = directory;
  }

  @Override
  public String name() {
    return "folder " + directory;
  }

  @Override
  public void fetch(MnistFile file, OutputStream out, FetchListener listener) throws IOException {
    Path path = locate(file);
    long size = Files.size(path);
    try (InputStream in =
        IdxReader.decompressIfGzipped(
            new CountingInputStream(
                Files.newInputStream(path), done -> listener.progress(file, done, size)))) {
      in.transferTo(out);
    }
  }

  private Path locate(MnistFile file) throws IOException {
    for (String name : new String[] {file.fileName(), file.gzipName()}) {
      Path candidate = directory.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IOException("no " + file.fileName() + " or " + file.gzipName() + " there");
  }
}
