package dev.digits.data;

import dev.digits.io.AtomicFileWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The cache folder, held for writing: created if needed, locked against other fetches, and cleaned
 * of temporary files that an interrupted fetch left behind. The lock keeps two digits processes
 * (say, a training run and {@code digits data fetch}) from downloading at once, and from deleting
 * each other's temporary files as leftovers.
 */
final class CacheDirectory implements AutoCloseable {
  private static final String LOCK_FILE = ".fetch.lock";

  /** File locks belong to the whole process, so threads of one JVM take turns here first. */
  private static final ReentrantLock THIS_PROCESS = new ReentrantLock();

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private CacheDirectory(Path directory, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates {@code directory} if needed, waits for other fetches into it to finish, and removes
   * leftover temporary files.
   *
   * @throws IOException naming the folder if it cannot be created or written
   */
  static CacheDirectory openForWriting(Path directory, FetchListener listener) throws IOException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IOException(
          "cannot create the cache folder " + directory + ": " + problem(e, directory), e);
    }
    try {
      THIS_PROCESS.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the cache lock");
    }
    try {
      CacheDirectory cache = lock(directory, listener);
      cache.removeLeftovers(listener);
      return cache;
    } catch (IOException | RuntimeException e) {
      THIS_PROCESS.unlock();
      throw e;
    }
  }

  private static CacheDirectory lock(Path directory, FetchListener listener) throws IOException {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException(
          "cannot write to the cache folder " + directory + ": " + problem(e, directory), e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        listener.note("waiting for another digits process that is fetching into " + directory);
        lock = channel.lock();
      }
      return new CacheDirectory(directory, channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Why {@code directory} failed, without repeating its path, which the message already has. */
  private static String problem(IOException failure, Path directory) {
    if (failure instanceof FileSystemException fs
        && directory.toString().equals(fs.getFile())
        && fs.getReason() != null) {
      return fs.getReason();
    }
    return Format.reason(failure);
  }

  private void removeLeftovers(FetchListener listener) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> files = Files.list(directory)) {
      leftovers = files.filter(CacheDirectory::isTemporary).toList();
    }
    for (Path leftover : leftovers) {
      Files.deleteIfExists(leftover);
    }
    if (!leftovers.isEmpty()) {
      listener.note(
          "removed " + leftovers.size() + " unfinished download(s) left by an interrupted fetch");
    }
  }

  private static boolean isTemporary(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".")
        && name.endsWith(AtomicFileWriter.TEMP_SUFFIX)
        && Files.isRegularFile(path);
  }

  /** Where {@code file} lives in the cache. */
  Path pathOf(MnistFile file) {
    return directory.resolve(file.fileName());
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      lockChannel.close();
    } finally {
      THIS_PROCESS.unlock();
    }
  }
}
