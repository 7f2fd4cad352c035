package dev.digits.cli;

import dev.digits.batch.BatchClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A bar that redraws in place on standard error while {@code digits classify} works, drawn only
 * when standard error is a terminal: standard output carries the results, and a log file or a
 * Kubernetes pod's log should not fill with carriage returns.
 */
final class ClassifyProgress implements BatchClassifier.Listener {
  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream err;
  private long lastDraw;

  private ClassifyProgress(PrintStream err) {
    this.err = err;
  }

  /** A bar on standard error when it is a terminal, else nothing. */
  static BatchClassifier.Listener onStderr() {
    return stderrIsTerminal() ? new ClassifyProgress(System.err) : (done, total) -> {};
  }

  /**
   * Whether file descriptor 2 is a terminal. {@code System.console()} answers for standard input
   * and output, which a user redirecting the results to a file has taken away; Linux names the
   * terminal behind each descriptor in {@code /proc}. Elsewhere there is no bar.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void classified(int done, int total) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && done < total) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) BAR_WIDTH * done / Math.max(1, total));
    err.printf(
        Locale.ROOT,
        "\rclassifying [%s%s] %,d/%,d ",
        "█".repeat(filled),
        "·".repeat(BAR_WIDTH - filled),
        done,
        total);
    if (done == total) {
      err.print("\r\033[K");
    }
    err.flush();
  }
}
