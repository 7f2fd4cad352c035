package dev.digits.data;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader sees either the old file or the complete new one, never a half: the
 * bytes go to a temporary file in the same folder, are forced to disk, then renamed over the
 * target. An interrupted write leaves at most a {@code .tmp} file, which is never read.
 */
public final class AtomicFiles {
  /** Suffix of the temporary files this class writes. */
  public static final String TEMP_SUFFIX = ".tmp";

  /** Writes the content of one file to a stream. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Replaces {@code target} with what {@code writer} writes, atomically. */
  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", TEMP_SUFFIX);
    try {
      makeReadableByAll(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        // Writers such as ZipOutputStream close the stream they are given; the channel must stay
        // open until its bytes are forced to disk.
        OutputStream out =
            new FilterOutputStream(Channels.newOutputStream(channel)) {
              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                this.out.write(bytes, offset, length);
              }

              @Override
              public void close() throws IOException {
                flush();
              }
            };
        writer.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Temporary files start private (0600); the finished file should be readable like any other. */
  private static void makeReadableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Replaces {@code target} with {@code bytes}, atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }
}
