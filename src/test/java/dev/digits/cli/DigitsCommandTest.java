package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the command line is put together: only the sub-command a run names, all of them for help, a
 * misspelt name or none, with the same behaviour either way.
 */
class DigitsCommandTest {
  private static final List<String> ALL =
      List.of(
          "data",
          "train",
          "evaluate",
          "read",
          "info",
          "calibrate",
          "classify",
          "study",
          "serve",
          "benchmark",
          "help");

  @Test
  void aRunThatNamesASubcommandGetsOnlyThatOne() {
    assertThat(subcommands("serve", "--port", "0")).containsExactly("serve");
    assertThat(subcommands("--verbose", "info", "default")).containsExactly("info");
  }

  @Test
  void helpAMisspeltNameOrNoneGetEveryOneInHelpsOrder() {
    assertThat(subcommands()).containsExactlyElementsOf(ALL);
    assertThat(subcommands("help", "serve")).containsExactlyElementsOf(ALL);
    assertThat(subcommands("--help")).containsExactlyElementsOf(ALL);
    assertThat(subcommands("sevre")).containsExactlyElementsOf(ALL);
  }

  @Test
  void theTopLevelHelpListsEverySubcommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    for (String name : ALL) {
      assertThat(run.out()).containsPattern("(?m)^  " + name + " ");
    }
  }

  @Test
  void helpOnOneSubcommandNamesItUnderDigits() {
    CliRun run = CliRun.of("help", "serve");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: digits serve ").contains("--exit-when-ready");
  }

  @Test
  void aMisspeltSubcommandIsSuggestedTheRightOne() {
    CliRun run = CliRun.of("sevre");

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err()).contains("'sevre'").containsPattern("did you mean [a-z ]*serve");
  }

  @Test
  void theInheritedVerboseFlagReachesTheNamedSubcommand() {
    CliRun run = CliRun.of("info", "/no/such.model", "--verbose");

    assertThat(run.exitCode()).isEqualTo(DigitsCommand.EXIT_USER_ERROR);
    assertThat(run.err()).contains("no such model file").contains("\tat ");
  }

  private static List<String> subcommands(String... args) {
    return List.copyOf(DigitsCommand.commandLine(Map.of(), args).getSubcommands().keySet());
  }
}
