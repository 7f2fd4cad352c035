package dev.digits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/ComparePreprocessing.java} reaches the preprocessor and the benchmark's drawings by
 * reflection, so a renamed method would only show when someone next ran it: this runs it, briefly,
 * on the compiled classes as both builds.
 */
class ComparePreprocessingToolTest {

  @Test
  void comparesTwoBuildsAndPrintsTheirRatio() throws Exception {
    String classes = Path.of("target", "classes").toAbsolutePath().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process tool =
        new ProcessBuilder(
                java, "bench/ComparePreprocessing.java", classes, classes, "1", "3", "50")
            .redirectErrorStream(true)
            .start();
    String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(tool.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("CPU per image")
        .containsPattern("after / before: median ratio \\d+\\.\\d{3} \\(quartiles");
  }
}
