package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every option of {@code digits serve} is also a DIGITS_* variable: flag, then environment. */
class EnvironmentConfigurationTest {

  @Test
  void theEnvironmentSetsWhatNoFlagDoes() {
    ServeCommand serve =
        parse(
            Map.of(
                "DIGITS_PORT", "9000",
                "DIGITS_HOST", "127.0.0.1",
                "DIGITS_MODEL", "a.model,b.model",
                "DIGITS_MAX_CONNECTIONS", "50"),
            "serve");
    assertThat(serve.port).isEqualTo(9000);
    assertThat(serve.host).isEqualTo("127.0.0.1");
    assertThat(serve.models).containsExactly("a.model", "b.model");
    assertThat(serve.maxConnections).isEqualTo(50);
  }

  @Test
  void aFlagWinsOverTheEnvironment() {
    ServeCommand serve =
        parse(
            Map.of("DIGITS_PORT", "9000", "DIGITS_MAX_REQUEST_BYTES", "4096"),
            "serve",
            "--port",
            "9100");
    assertThat(serve.port).isEqualTo(9100);
    assertThat(serve.maxRequestBytes).isEqualTo(4096);
  }

  @Test
  void withoutEitherTheDefaultHolds() {
    ServeCommand serve = parse(Map.of("PORT", "1", "DIGITS_UNKNOWN", "x"), "serve");
    assertThat(serve.port).isEqualTo(8080);
    assertThat(serve.models).isNull();
    assertThat(serve.maxConnections).isNull();
  }

  @Test
  void helpListsEveryVariable() {
    CommandLine serve = DigitsCommand.commandLine(Map.of()).getSubcommands().get("serve");
    String help = serve.getUsageMessage();
    for (CommandLine.Model.OptionSpec option : serve.getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.inherited()) {
        assertThat(help).contains(EnvironmentDefaults.variable(option));
      }
    }
    assertThat(help).contains("DIGITS_MAX_REQUEST_BYTES", "--max-request-bytes");
    assertThat(help).doesNotContain("DIGITS_HELP", "DIGITS_VERBOSE");
  }

  @Test
  void aBadValueInTheEnvironmentIsReportedUnderItsName() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = DigitsCommand.commandLine(Map.of("DIGITS_PORT", "http"));
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("serve");
    assertThat(exit).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(err.toString().lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .contains("'http'", "DIGITS_PORT");
  }

  @Test
  void aBadFlagIsNotBlamedOnTheEnvironment() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = DigitsCommand.commandLine(Map.of("DIGITS_PORT", "9000"));
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute("serve", "--port", "http")).isEqualTo(1);
    assertThat(err.toString()).contains("'http'").doesNotContain("DIGITS_PORT");
  }

  private static ServeCommand parse(Map<String, String> environment, String... args) {
    CommandLine commandLine = DigitsCommand.commandLine(environment);
    List<CommandLine> parsed = commandLine.parseArgs(args).asCommandLineList();
    return parsed.get(parsed.size() - 1).getCommand();
  }
}
