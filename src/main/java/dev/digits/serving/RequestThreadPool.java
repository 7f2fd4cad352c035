package dev.digits.serving;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's pool of request threads, named {@code digits-http-N}, each lowering its own CPU priority
 * as it starts (see {@link ServerConfig.RequestThreads#niceIncrement()}).
 */
final class RequestThreadPool extends QueuedThreadPool {
  /** The threads the pool keeps even when idle, and so the least it may be given. */
  static final int MIN_THREADS = 8;

  private static final int IDLE_TIMEOUT_MS = 60_000;

  private final int niceIncrement;

  RequestThreadPool(ServerConfig.RequestThreads threads) {
    super(threads.max(), MIN_THREADS, IDLE_TIMEOUT_MS);
    this.niceIncrement = threads.niceIncrement();
    setName("digits-http");
  }

  @Override
  public Thread newThread(Runnable runner) {
    return super.newThread(
        () -> {
          NiceValue.lowerCurrentThread(niceIncrement);
          runner.run();
        });
  }
}
