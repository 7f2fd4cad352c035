package dev.digits.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads threads' nice values from Linux's /proc, independently of {@link NiceValue}. */
final class ThreadNice {
  private ThreadNice() {}

  /** The calling thread's nice value. */
  static int ofCurrentThread() {
    return of(Path.of("/proc/thread-self"));
  }

  /** The nice value of the thread whose /proc/…/task entry this is. */
  static int of(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      // The name, in parentheses, may hold spaces; fields after it are numbered from 3 (state), and
      // nice is field 19.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[19 - 3]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
