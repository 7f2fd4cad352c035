package dev.digits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digits benchmark}: groups the speed measurements. */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Measure speed: training and inference throughput, time to an accuracy.",
    subcommands = {TrainingBenchmarkCommand.class, CommandLine.HelpCommand.class})
final class BenchmarkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
