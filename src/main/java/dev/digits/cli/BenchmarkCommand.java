package dev.digits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digits benchmark}: groups the commands that measure how fast digits runs. */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measure speed: training and inference throughput, time to an accuracy, HTTP load.",
    subcommands = {
      TrainingBenchmarkCommand.class,
      HttpBenchmarkCommand.class,
      NumbersBenchmarkCommand.class,
      CommandLine.HelpCommand.class
    })
final class BenchmarkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
