package dev.digits.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code digits} entry point: every feature is a sub-command. */
@Command(
    name = "digits",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Handwritten-digit recognizer: fetch MNIST, train, evaluate, study, serve.")
public final class DigitsCommand implements Runnable {
  /**
   * The sub-commands by name, in the order help lists them. Each is made only when a command line
   * needs it: picocli reads every option of every sub-command it is given, which took a tenth of a
   * second of each start (docs/DECISIONS.md).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put("data", DataCommand::new);
    subcommands.put("train", TrainCommand::new);
    subcommands.put("evaluate", EvaluateCommand::new);
    subcommands.put("read", ReadCommand::new);
    subcommands.put("info", InfoCommand::new);
    subcommands.put("calibrate", CalibrateCommand::new);
    subcommands.put("classify", ClassifyCommand::new);
    subcommands.put("study", StudyCommand::new);
    subcommands.put("serve", ServeCommand::new);
    subcommands.put("benchmark", BenchmarkCommand::new);
    subcommands.put("help", CommandLine.HelpCommand::new);
    return Collections.unmodifiableMap(subcommands);
  }

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
    return commandLine(System.getenv(), args).execute(args);
  }

  /** The whole command line with digits' error handling, for tests that capture its output. */
  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The whole command line, with {@code serve}'s options also read from {@code environment} (its
   * {@code DIGITS_*} variables).
   */
  static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(environment, new String[0]);
  }

  /**
   * The command line to run {@code args}: with only the sub-command they name when they name one,
   * otherwise (help, a misspelt name, none) with all of them, which help lists and suggestions are
   * drawn from.
   */
  static CommandLine commandLine(Map<String, String> environment, String[] args) {
    CommandLine commandLine = new CommandLine(new DigitsCommand());
    String named = subcommandNamed(args);
    SUBCOMMANDS.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            commandLine.addSubcommand(name, command.get());
          }
        });
    commandLine.setExecutionExceptionHandler(DigitsCommand::handleFailure);
    commandLine.setParameterExceptionHandler(DigitsCommand::handleBadArguments);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine serve = commandLine.getSubcommands().get("serve");
    if (serve != null) {
      EnvironmentDefaults.install(serve, environment);
    }
    CommandLine classify = commandLine.getSubcommands().get("classify");
    if (classify != null) {
      ((ClassifyCommand) classify.getCommand()).environment = environment;
    }
    return commandLine;
  }

  /**
   * The sub-command {@code args} run, or null when they name none other than help: the first
   * argument that is not an option (digits' own options take no values).
   */
  private static String subcommandNamed(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return SUBCOMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
      }
    }
    return null;
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
