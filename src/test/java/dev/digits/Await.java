package dev.digits;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state another thread brings about, such as a request queued or a body counted,
 * instead of sleeping and hoping it came. The deadline only keeps a broken build from hanging; no
 * test measures time with it.
 */
public final class Await {
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  private Await() {}

  /** Returns once {@code condition} holds; fails, naming {@code what}, if it never does. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still waiting, after " + HANG_GUARD + ", until " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }
}
