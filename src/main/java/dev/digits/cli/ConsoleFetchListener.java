package dev.digits.cli;

import dev.digits.data.FetchListener;
import dev.digits.data.MnistFile;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a fetch on a console. On a terminal, a download is one line redrawn in place: a bar,
 * percentage, bytes and speed. Elsewhere (CI logs, files) there are no carriage returns, only a
 * plain progress line every {@value #LOG_INTERVAL_SECONDS} s of a long download, so logs stay
 * readable. Outcomes (cached, fetched, a source failing) are one line each in both modes.
 */
final class ConsoleFetchListener implements FetchListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LOG_INTERVAL_SECONDS = 10;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private String currentSource = "";
  private long attemptStarted;
  private long lastShown;
  private int barLength;

  /**
   * @param out where to write
   * @param terminal whether {@code out} is a terminal, which can redraw a line in place
   */
  ConsoleFetchListener(PrintWriter out, boolean terminal) {
    this(out, terminal, System::nanoTime);
  }

  ConsoleFetchListener(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  /** Writes to standard error, with a progress bar if the program runs on a terminal. */
  static ConsoleFetchListener forStandardError() {
    return forStream(new PrintWriter(System.err, true));
  }

  /** Writes to {@code err}, with a progress bar if the program runs on a terminal. */
  static ConsoleFetchListener forStream(PrintWriter err) {
    return new ConsoleFetchListener(err, System.console() != null);
  }

  @Override
  public void note(String message) {
    line(message);
  }

  @Override
  public void cached(MnistFile file) {
    line(file.fileName() + ": in the cache, SHA-256 OK");
  }

  @Override
  public void cacheRejected(MnistFile file, String reason) {
    line(file.fileName() + ": cached copy is damaged (" + reason + "), fetching it again");
  }

  @Override
  public void attempt(MnistFile file, String source) {
    currentSource = source;
    attemptStarted = nanoTime.getAsLong();
    lastShown = attemptStarted;
  }

  @Override
  public void progress(MnistFile file, long bytesDone, long totalBytes) {
    long now = nanoTime.getAsLong();
    if (terminal) {
      if (now - lastShown >= REDRAW_NANOS || bytesDone == totalBytes) {
        drawBar(file, bytesDone, totalBytes, now);
        lastShown = now;
      }
    } else if (now - lastShown >= LOG_INTERVAL_SECONDS * 1_000_000_000L) {
      line(
          file.fileName()
              + ": "
              + amount(bytesDone, totalBytes)
              + ", "
              + speed(bytesDone, now)
              + " from "
              + currentSource);
      lastShown = now;
    }
  }

  @Override
  public void failed(MnistFile file, String source, String reason) {
    line(file.fileName() + ": " + source + " failed: " + reason);
  }

  @Override
  public void fetched(MnistFile file, String source, long bytes) {
    line(file.fileName() + ": " + ByteSizes.format(bytes) + " from " + source + ", SHA-256 OK");
  }

  private void drawBar(MnistFile file, long done, long total, long now) {
    StringBuilder text = new StringBuilder(file.fileName()).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
      text.append('[')
          .append("#".repeat(filled))
          .append("-".repeat(BAR_WIDTH - filled))
          .append("] ");
    }
    text.append(amount(done, total)).append("  ").append(speed(done, now));
    String shown = text.toString();
    // Pad with spaces so a shorter line fully covers the longer one drawn before it.
    out.print("\r" + shown + " ".repeat(Math.max(0, barLength - shown.length())));
    out.flush();
    barLength = shown.length();
  }

  private void line(String text) {
    if (barLength > 0) {
      out.print("\r" + " ".repeat(barLength) + "\r");
      barLength = 0;
    }
    out.println(text);
    out.flush();
  }

  private static String amount(long done, long total) {
    if (total <= 0) {
      return ByteSizes.format(done);
    }
    return String.format(
        Locale.ROOT,
        "%3d%% %s of %s",
        done * 100 / total,
        ByteSizes.format(done),
        ByteSizes.format(total));
  }

  private String speed(long done, long now) {
    double seconds = (now - attemptStarted) / 1e9;
    return seconds <= 0 ? "" : ByteSizes.format((long) (done / seconds)) + "/s";
  }
}
