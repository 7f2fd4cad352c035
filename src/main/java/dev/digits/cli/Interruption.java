package dev.digits.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a polite request: long work polls {@link #requested()}, saves
 * its state and calls {@link #finished()}; the JVM waits for that before it exits.
 */
final class Interruption implements AutoCloseable {
  private static final long GRACE_SECONDS = 120;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch request = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private Interruption() {
    hook =
        new Thread(
            () -> {
              requested.set(true);
              request.countDown();
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "interruption");
  }

  /** Starts listening for Ctrl-C. */
  static Interruption onCtrlC() {
    Interruption interruption = new Interruption();
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  /** True once the user asked to stop. */
  boolean requested() {
    return requested.get();
  }

  /** Blocks until the user asks to stop. */
  void awaitRequest() throws InterruptedException {
    request.await();
  }

  /** The work has saved its state; the JVM may exit. */
  void finished() {
    finished.countDown();
  }

  @Override
  public void close() {
    finished();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting because of the interruption; the hook has done its job.
    }
  }
}
