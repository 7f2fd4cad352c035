package dev.digits.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes a command's option defaults from the environment, as containers and service managers
 * configure a server: {@code --max-request-bytes} is also {@code DIGITS_MAX_REQUEST_BYTES}. A flag
 * on the command line wins over the environment, which wins over the built-in default. The
 * command's help lists every variable.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
  private static final String PREFIX = "DIGITS_";

  private final Map<String, String> environment;

  private EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Lets {@code command}'s options default to the environment's values, and lists them in help. */
  static void install(CommandLine command, Map<String, String> environment) {
    command.setDefaultValueProvider(new EnvironmentDefaults(environment));
    List<String> footer = new ArrayList<>();
    footer.add("");
    footer.add(
        "Every option can be set in the environment instead (a flag wins over it; lists are"
            + " separated by commas):");
    for (OptionSpec option : configurable(command)) {
      footer.add(String.format(Locale.ROOT, "  %-30s %s", variable(option), option.longestName()));
    }
    command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
  }

  /**
   * The variable that gave {@code arg} its value, or null when the command line or the built-in
   * default did: a bad value must be reported under the name the user wrote.
   *
   * @param args the command line as given
   */
  static String sourceOf(ArgSpec arg, String[] args) {
    if (!(arg instanceof OptionSpec option)
        || !(option.command().defaultValueProvider() instanceof EnvironmentDefaults defaults)
        || !defaults.environment.containsKey(variable(option))) {
      return null;
    }
    for (String given : args) {
      for (String name : option.names()) {
        if (given.equals(name) || given.startsWith(name + "=")) {
          return null;
        }
      }
    }
    return variable(option);
  }

  /** {@code --max-request-bytes} → {@code DIGITS_MAX_REQUEST_BYTES}. */
  static String variable(OptionSpec option) {
    return PREFIX
        + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !isConfigurable(option)) {
      return null;
    }
    // Null falls back to the option's own default.
    return environment.get(variable(option));
  }

  private static List<OptionSpec> configurable(CommandLine command) {
    return command.getCommandSpec().options().stream()
        .filter(EnvironmentDefaults::isConfigurable)
        .toList();
  }

  /** Every option but help, version and the inherited --verbose. */
  private static boolean isConfigurable(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp() && !option.inherited();
  }
}
