package dev.digits.data;

/**
 * Observes a fetch: which sources are tried for each file, how far a download has come, and what
 * became of each attempt. Every method has an empty default, so an observer overrides only what it
 * shows; calls come from the fetching thread.
 */
public interface FetchListener {

  /** Shows nothing. */
  FetchListener SILENT = new FetchListener() {};

  /** A remark that concerns the whole fetch, e.g. leftovers removed or an npm run starting. */
  default void note(String message) {}

  /** The cached copy of {@code file} is present and its SHA-256 is right. */
  default void cached(MnistFile file) {}

  /** The cached copy of {@code file} is damaged (the reason says how) and will be fetched again. */
  default void cacheRejected(MnistFile file, String reason) {}

  /** {@code source} is about to be asked for {@code file}. */
  default void attempt(MnistFile file, String source) {}

  /**
   * Bytes received so far for the current attempt at {@code file}.
   *
   * @param totalBytes the expected total, or -1 when the source does not know it
   */
  default void progress(MnistFile file, long bytesDone, long totalBytes) {}

  /** {@code source} failed for {@code file}; the next source will be tried. */
  default void failed(MnistFile file, String source, String reason) {}

  /** {@code file} came from {@code source}, matched its SHA-256 and is now in the cache. */
  default void fetched(MnistFile file, String source, long bytes) {}
}
