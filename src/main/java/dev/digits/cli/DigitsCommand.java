package dev.digits.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code digits} entry point: every feature is a sub-command. */
@Command(
    name = "digits",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Handwritten-digit recognizer: fetch MNIST, train, evaluate, study, serve.",
    subcommands = {
      DataCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ReadCommand.class,
      InfoCommand.class,
      CalibrateCommand.class,
      ClassifyCommand.class,
      StudyCommand.class,
      ServeCommand.class,
      BenchmarkCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DigitsCommand implements Runnable {

  /** Exit code for input the user can fix: a missing file, a corrupt model, a bad value. */
  public static final int EXIT_USER_ERROR = 1;

  /** Exit code for a fault in digits itself. */
  public static final int EXIT_INTERNAL_ERROR = 70;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors (for bug reports).")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; tests call this instead of main. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with digits' error handling, for tests that capture its output. */
  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The command line, with {@code serve}'s options also read from {@code environment} (its {@code
   * DIGITS_*} variables).
   */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new DigitsCommand());
    commandLine.setExecutionExceptionHandler(DigitsCommand::handleFailure);
    commandLine.setParameterExceptionHandler(DigitsCommand::handleBadArguments);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    EnvironmentDefaults.install(commandLine.getSubcommands().get("serve"), environment);
    ((ClassifyCommand) commandLine.getSubcommands().get("classify").getCommand()).environment =
        environment;
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A flag or argument picocli could not parse: one line that says what is wrong and where help is,
   * instead of the whole usage text, which buries the message. A wrong argument is input the user
   * can fix, so it exits with {@link #EXIT_USER_ERROR} like any other.
   */
  private static int handleBadArguments(CommandLine.ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String message = failure.getMessage();
    StringBuilder line =
        new StringBuilder("digits: ")
            .append(Character.toLowerCase(message.charAt(0)))
            .append(message.substring(1));
    String variable =
        failure.getArgSpec() == null
            ? null
            : EnvironmentDefaults.sourceOf(failure.getArgSpec(), args);
    if (variable != null) {
      line.append(" (set by ").append(variable).append(" in the environment)");
    }
    if (failure instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions()));
      line.append("?)");
    }
    line.append("; see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help'");
    err.println(line);
    err.flush();
    return EXIT_USER_ERROR;
  }

  private static int handleFailure(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose =
        parseResult.hasMatchedOption("--verbose")
            || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    if (isUserError(failure)) {
      err.println("digits: " + userMessage(failure));
      if (verbose) {
        failure.printStackTrace(err);
      }
      err.flush();
      return EXIT_USER_ERROR;
    }
    err.println("digits: internal error: " + failure);
    if (verbose) {
      failure.printStackTrace(err);
    } else {
      err.println("digits: run again with --verbose for the stack trace, and please report it.");
    }
    err.flush();
    return EXIT_INTERNAL_ERROR;
  }

  private static boolean isUserError(Exception failure) {
    return failure instanceof IOException
        || failure instanceof UncheckedIOException
        || failure instanceof IllegalArgumentException
        || failure instanceof CommandLine.ParameterException;
  }

  private static String userMessage(Exception failure) {
    Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
