package dev.digits.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a fetch did.
 *
 * @param directory the cache folder, now holding the four verified raw files
 * @param origins for each file, the {@link MnistSource#name() name} of the source it came from, or
 *     {@link #CACHE} when the cached copy was already right
 */
public record FetchResult(Path directory, Map<MnistFile, String> origins) {
  /** The origin of a file that was already in the cache. */
  public static final String CACHE = "cache";

  public FetchResult {
    origins = Map.copyOf(origins);
  }
}
