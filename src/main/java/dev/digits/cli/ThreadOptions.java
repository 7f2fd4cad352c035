package dev.digits.cli;

import picocli.CommandLine.Option;

/** How many threads PyTorch may use. */
final class ThreadOptions {
  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "Threads for PyTorch's operations (0 = all cores). Default: ${DEFAULT-VALUE}.")
  int threads;
}
