package dev.digits.cli;

import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.training.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows training progress: a live bar within each epoch when writing to a terminal, and one line
 * per epoch always (so logs of non-interactive runs stay readable).
 */
final class ConsoleProgress implements TrainingListener {
  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final boolean live;
  private final String prefix;
  private long lastDraw;

  /**
   * @param out where to print
   * @param live draw a bar that redraws in place (only on a terminal)
   * @param prefix put before every line, e.g. the name of a study variant
   */
  ConsoleProgress(PrintStream out, boolean live, String prefix) {
    this.out = out;
    this.live = live;
    this.prefix = prefix;
  }

  /** Progress on standard error, live when a console is attached. */
  static ConsoleProgress onStderr(String prefix) {
    return new ConsoleProgress(System.err, System.console() != null, prefix);
  }

  @Override
  public synchronized void examplesDrawn(String what, int done, int total) {
    // Drawing is quick per example but long in all: a line a tenth of the way, or a live count.
    if (live) {
      out.printf(Locale.ROOT, "\r%sdrawing %s: %,d/%,d ", prefix, what, done, total);
      if (done == total) {
        out.println();
      }
    } else if (done == total || done % Math.max(1, roundTo500(total / 10)) == 0) {
      out.printf(Locale.ROOT, "%sdrawing %s: %,d/%,d%n", prefix, what, done, total);
    }
    out.flush();
  }

  private static int roundTo500(int value) {
    return Math.max(500, value / 500 * 500);
  }

  @Override
  public void started(Progress start) {
    if (start.epoch() > 1 || start.batch() > 0) {
      out.printf(
          Locale.ROOT,
          "%sresuming at epoch %d/%d, batch %d/%d%n",
          prefix,
          start.epoch(),
          start.epochs(),
          start.batch(),
          start.batches());
    }
  }

  @Override
  public void batchFinished(Progress p) {
    if (!live) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && p.batch() < p.batches()) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) BAR_WIDTH * p.batch() / p.batches());
    out.printf(
        Locale.ROOT,
        "\r%sepoch %d/%d [%s%s] %d/%d  loss %.4f  acc %.2f%%  %.0f img/s ",
        prefix,
        p.epoch(),
        p.epochs(),
        "█".repeat(filled),
        "·".repeat(BAR_WIDTH - filled),
        p.batch(),
        p.batches(),
        p.meanLoss(),
        100 * p.accuracy(),
        p.imagesPerSecond());
    out.flush();
  }

  @Override
  public void epochFinished(EpochRecord r, int epochs, double etaSeconds) {
    if (live) {
      out.print("\r\033[K");
    }
    String validation =
        r.validationAccuracy() == null
            ? "no validation set"
            : String.format(
                Locale.ROOT,
                "val %.2f%% (loss %.4f)",
                100 * r.validationAccuracy(),
                r.validationLoss());
    if (r.penValidationAccuracy() != null) {
      validation += String.format(Locale.ROOT, "  pen %.2f%%", 100 * r.penValidationAccuracy());
    }
    if (r.nonDigitValidationAccuracy() != null) {
      validation +=
          String.format(Locale.ROOT, "  non-digits %.2f%%", 100 * r.nonDigitValidationAccuracy());
    }
    out.printf(
        Locale.ROOT,
        "%sepoch %d/%d  loss %.4f  train %.2f%%  %s  lr %.2e  %.1f s  ETA %s%n",
        prefix,
        r.epoch(),
        epochs,
        r.trainLoss(),
        100 * r.trainAccuracy(),
        validation,
        r.learningRate(),
        r.seconds(),
        Durations.format(etaSeconds));
    out.flush();
  }

  @Override
  public void checkpointWritten(Path file, boolean interrupted) {
    if (interrupted) {
      if (live) {
        out.print("\r\033[K");
      }
      out.println(prefix + "stopped; checkpoint saved to " + file);
      out.flush();
    }
  }
}
