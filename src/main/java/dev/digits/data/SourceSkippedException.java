package dev.digits.data;

import java.io.IOException;

/**
 * Thrown by a source that declines a file without trying, because it already failed earlier in the
 * same fetch (an unreachable mirror, npm missing). The fetcher keeps the reason for its error
 * message but does not report the attempt again, so a log shows each dead source once.
 */
public class SourceSkippedException extends IOException {
  /**
   * @param earlierFailure why the source failed the first time
   */
  public SourceSkippedException(String earlierFailure) {
    super("skipped, failed earlier in this run (" + earlierFailure + ")");
  }
}
