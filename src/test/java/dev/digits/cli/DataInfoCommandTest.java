package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInfoCommandTest {
  @TempDir Path tmp;

  @Test
  void emptyCacheSaysWhatIsMissing() {
    Path cache = tmp.resolve("empty");

    CliRun run = CliRun.of("data", "info", "--cache", cache.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "MNIST cache: " + cache + " (from --cache, does not exist yet)",
            "  train-images-idx3-ubyte  missing",
            "  train-labels-idx1-ubyte  missing",
            "  t10k-images-idx3-ubyte   missing",
            "  t10k-labels-idx1-ubyte   missing",
            "Missing: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                + " t10k-labels-idx1-ubyte. Run `digits data fetch` to get them.");
  }

  @Test
  void damagedFileIsFlagged() throws IOException {
    Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 3});

    CliRun run = CliRun.of("data", "info", "--cache", tmp.toString());

    assertThat(run.out())
        .contains("  t10k-labels-idx1-ubyte             10 bytes  SHA-256 WRONG   2 labels")
        .contains(
            "  test                   0     0     0     2     0     0     0     0     0     0")
        .contains("Damaged: t10k-labels-idx1-ubyte.");
  }

  @Test
  void realCacheShowsCanonicalCounts() throws IOException {
    Optional<Path> real = RealMnist.folder();
    assumeTrue(real.isPresent(), "the real MNIST is not on this machine");

    CliRun run = CliRun.of("data", "info", "--cache", real.get().toString());

    assertThat(run.out())
        .contains(
            "  train-images-idx3-ubyte    47,040,016 bytes  SHA-256 OK      60000 images of 28×28")
        .contains(
            "  train               5923  6742  5958  6131  5842  5421  5918  6265  5851  5949")
        .contains(
            "  test                 980  1135  1032  1010   982   892   958  1028   974  1009")
        .endsWith("All four files are present and verified." + System.lineSeparator());
  }

  @Test
  void helpExplainsTheCacheDefault() {
    CliRun run = CliRun.of("data", "info", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--cache=DIR", "$DIGITS_DATA_DIR", "~/.cache/digits/mnist");
  }
}
