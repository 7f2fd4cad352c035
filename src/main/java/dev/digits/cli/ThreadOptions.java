package dev.digits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How many threads PyTorch may use. */
final class ThreadOptions {
  /** Threads for PyTorch's operations; 0 means all cores. */
  int threads;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec command;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "Threads for PyTorch's operations (0 = all cores). Default: ${DEFAULT-VALUE}.")
  void threads(int value) {
    if (value < 0) {
      throw new CommandLine.ParameterException(
          command.commandLine(), "--threads must be ≥ 0 (0 = all cores), got " + value);
    }
    threads = value;
  }
}
