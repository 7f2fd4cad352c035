package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive for {@code serve}: recorded once per build beside the
 * jar, used by every later start, recorded again for a newer jar, and never in the way. A stand-in
 * {@code java} on the PATH writes down each command line it is given (and the archive, when asked
 * to record one), so these checks run without starting a JVM.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherClassArchiveTest {
  @TempDir Path folder;
  private Path jar;
  private Path archive;
  private Path calls;
  private Path bin;

  @BeforeEach
  void standInJavaAndJar() throws IOException {
    bin = Files.createDirectory(folder.resolve("bin"));
    Path build = Files.createDirectory(folder.resolve("build"));
    jar = Files.writeString(build.resolve("digits.jar"), "a build");
    archive = build.resolve("digits.jsa");
    calls = folder.resolve("calls");
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "echo \"$*\" >> \"$CALLS\"",
            "for arg in \"$@\"; do",
            "  if [[ \"$arg\" == -XX:ArchiveClassesAtExit=* ]]; then",
            "    [[ -n \"${RECORDING_FAILS:-}\" ]] && exit 1",
            // As the real server would: a default model it does not load stops it.
            "    [[ -n \"${DIGITS_DEFAULT_MODEL:-}\" ]] && exit 1",
            "    echo archive > \"${arg#*=}\"",
            "  fi",
            "done",
            ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void theFirstServeRecordsTheArchiveAndStartsFromIt() throws Exception {
    List<String> java = serve(Map.of());

    assertThat(java).hasSize(2);
    assertThat(java.get(0))
        .contains("-XX:ArchiveClassesAtExit=" + archive + ".")
        .contains("serve --host 127.0.0.1 --port 0 --model default --log-format off")
        .endsWith("--exit-when-ready");
    assertThat(java.get(1))
        .contains("-XX:SharedArchiveFile=" + archive)
        .endsWith("-jar " + jar + " serve --port 9999");
    assertThat(archive).exists();
    assertThat(folder.resolve("build")).isDirectoryNotContaining("glob:**.jsa.*");
  }

  @Test
  void laterServesUseTheArchiveWithoutRecordingAgain() throws Exception {
    serve(Map.of());
    Files.delete(calls);

    assertThat(serve(Map.of()))
        .singleElement()
        .asString()
        .contains("-XX:SharedArchiveFile=" + archive)
        .doesNotContain("ArchiveClassesAtExit");
  }

  @Test
  void aNewerJarIsRecordedAgain() throws Exception {
    serve(Map.of());
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
    Files.delete(calls);

    assertThat(serve(Map.of())).hasSize(2).first().asString().contains("ArchiveClassesAtExit");
  }

  @Test
  void whenRecordingFailsTheServerStartsWithoutAnArchive() throws Exception {
    List<String> java = serve(Map.of("RECORDING_FAILS", "yes"));

    assertThat(java).hasSize(2);
    assertThat(java.get(1)).doesNotContain("SharedArchiveFile");
    try (var built = Files.list(folder.resolve("build"))) {
      assertThat(built).containsExactly(jar);
    }
  }

  @Test
  void theRecordingServerTakesNoSettingsFromTheEnvironment() throws Exception {
    List<String> java = serve(Map.of("DIGITS_DEFAULT_MODEL", "study-l2"));

    assertThat(java).hasSize(2);
    assertThat(java.get(1)).contains("-XX:SharedArchiveFile=" + archive);
    assertThat(archive).exists();
  }

  @Test
  void sharingSettingsOfTheOperatorTurnTheArchiveOff() throws Exception {
    assertThat(serve(Map.of("DIGITS_JAVA_OPTS", "-Xshare:off")))
        .singleElement()
        .asString()
        .startsWith("-Xshare:off -jar")
        .doesNotContain("Archive");
    assertThat(archive).doesNotExist();
  }

  @Test
  void otherCommandsRecordNoArchive() throws Exception {
    assertThat(run(Map.of(), "info", "default")).singleElement().asString().startsWith("-jar");
    assertThat(archive).doesNotExist();
  }

  private List<String> serve(Map<String, String> environment) throws Exception {
    return run(environment, "serve", "--port", "9999");
  }

  /** Runs the launcher and returns the command lines it gave {@code java}, one per call. */
  private List<String> run(Map<String, String> environment, String... args) throws Exception {
    ProcessBuilder launcher = new ProcessBuilder();
    launcher.command().addAll(List.of("bash", Path.of("digits").toAbsolutePath().toString()));
    launcher.command().addAll(List.of(args));
    launcher.redirectErrorStream(true);
    Map<String, String> env = launcher.environment();
    env.remove("DIGITS_JAVA_OPTS");
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("DIGITS_JAR", jar.toString());
    env.put("CALLS", calls.toString());
    env.putAll(environment);
    Process process = launcher.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }
}
