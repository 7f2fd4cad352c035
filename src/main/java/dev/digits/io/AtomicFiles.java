package dev.digits.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes whole files so that a reader sees either the old file or the complete new one, never a
 * half: model files, checkpoints and reports all go through here (see {@link AtomicFileWriter}).
 */
public final class AtomicFiles {

  /** Writes the content of one file to a stream. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Replaces {@code target} with what {@code writer} writes, atomically. */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    try (AtomicFileWriter file = AtomicFileWriter.create(absolute)) {
      // Writers such as ZipOutputStream close the stream they are given; the file must stay open
      // until its bytes are forced to disk.
      writer.writeTo(
          new FilterOutputStream(file.stream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
              flush();
            }
          });
      file.commit();
    }
  }

  /** Replaces {@code target} with {@code bytes}, atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }
}
