package dev.digits.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digits data}: groups the commands that get MNIST and show what is cached. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Get MNIST (fetch) and see what the cache holds (info).",
    subcommands = {DataFetchCommand.class, DataInfoCommand.class, CommandLine.HelpCommand.class})
final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
