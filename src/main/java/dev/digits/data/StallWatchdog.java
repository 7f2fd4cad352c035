package dev.digits.data;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream that has delivered nothing for too long, which makes the blocked read fail. A
 * response body from {@code java.net.http} has no read timeout of its own, so without this a mirror
 * that stops sending mid-file would hang the fetch forever.
 */
final class StallWatchdog implements AutoCloseable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "digits-stall-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final Closeable stream;
  private final long limitNanos;
  private final ScheduledFuture<?> check;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean tripped;

  StallWatchdog(Closeable stream, Duration limit) {
    this.stream = stream;
    this.limitNanos = limit.toNanos();
    long period = Math.max(10, limit.toMillis() / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Bytes arrived: the stall clock starts again. */
  void activity() {
    lastActivity = System.nanoTime();
  }

  /** True once the watchdog has closed the stream; the read failure that follows is its doing. */
  boolean tripped() {
    return tripped;
  }

  private void check() {
    if (!tripped && System.nanoTime() - lastActivity > limitNanos) {
      tripped = true;
      try {
        stream.close();
      } catch (IOException e) {
        // The reader is unblocked or already gone either way; the stall is what gets reported.
      }
    }
  }

  @Override
  public void close() {
    check.cancel(false);
  }
}
