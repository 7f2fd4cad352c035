package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./digits} launcher script at the project's root. */
class LauncherTest {

  @Test
  void digitsJarRunsTheGivenBuildWithoutRebuilding() throws Exception {
    Path missing = Path.of("target", "no-such-build.jar").toAbsolutePath();

    ProcessBuilder launcher =
        new ProcessBuilder("bash", "digits", "--version").redirectErrorStream(true);
    launcher.environment().put("DIGITS_JAR", missing.toString());
    String output = run(launcher);

    // java itself refuses the jar: the launcher handed it on, and did not run Maven first.
    assertThat(output).contains(missing.toString()).doesNotContain("digits: building");
  }

  private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    return new String(output, StandardCharsets.UTF_8);
  }
}
