package dev.digits.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file that appears under its final name complete or not at all: the bytes go to a
 * temporary file in the same folder (named {@code .NAME.RANDOM.part}), are forced to disk, and the
 * temporary file is then renamed over the target in one step. Closing without {@link #commit()}
 * deletes the temporary file, and so does the JVM's shutdown on Ctrl-C or SIGTERM; only a hard kill
 * leaves one behind, named so that its owner can recognise and remove it ({@link #TEMP_SUFFIX}).
 */
public final class AtomicFileWriter implements Closeable {
  /** Ends the name of every temporary file, so leftovers can be recognised. */
  public static final String TEMP_SUFFIX = ".part";

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private boolean committed;

  private AtomicFileWriter(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
  }

  /** Starts writing what will become {@code target}. */
  public static AtomicFileWriter create(Path target) throws IOException {
    while (true) {
      Path temp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + TEMP_SUFFIX);
      try {
        // Not Files.createTempFile: that makes the file private to its owner, and the cache may be
        // shared through $DIGITS_DATA_DIR.
        FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        temp.toFile().deleteOnExit();
        return new AtomicFileWriter(target, temp, channel);
      } catch (FileAlreadyExistsException e) {
        // A random name taken by another writer: draw again.
      }
    }
  }

  /** Where to write; the caller must not close it. */
  public OutputStream stream() {
    return stream;
  }

  /** Forces the bytes to disk and renames the temporary file to the target, replacing it. */
  public void commit() throws IOException {
    stream.flush();
    channel.force(true);
    channel.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    syncDirectory(target.getParent());
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      channel.close();
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Makes the rename itself survive a power cut. Only some systems (Linux, macOS) let a folder be
   * opened for this, so failure just means the guarantee is the file system's default.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // See above: best effort.
    }
  }
}
