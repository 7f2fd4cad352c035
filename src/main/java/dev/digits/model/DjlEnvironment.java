package dev.digits.model;

/**
 * Settings that must be in place before DJL loads its engine.
 *
 * <p>DJL otherwise reports usage to outside hosts and may try to download native libraries; the
 * project ships PyTorch's CPU library as a Maven dependency, so both are switched off. PyTorch
 * reads its thread counts once, when the engine starts, so the first call of {@link
 * #configure(int)} in a process decides them.
 */
public final class DjlEnvironment {
  private static boolean configured;
  private static int threads;

  private DjlEnvironment() {}

  /**
   * Sets offline mode, opts out of telemetry and fixes PyTorch's thread pools.
   *
   * @param intraOpThreads threads PyTorch may use inside one operation; {@code <= 0} means all
   *     cores
   */
  public static synchronized void configure(int intraOpThreads) {
    if (configured) {
      return;
    }
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.default_engine", "PyTorch");
    threads = intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    configured = true;
  }

  /**
   * The intra-op thread count the first {@link #configure(int)} call fixed, which later calls
   * cannot change; benchmarks report it.
   *
   * @throws IllegalStateException before the first call
   */
  public static synchronized int threads() {
    if (!configured) {
      throw new IllegalStateException("DjlEnvironment.configure has not been called");
    }
    return threads;
  }
}
