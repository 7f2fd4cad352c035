package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a fetching JVM mid-download, as Ctrl-C or a CI timeout would, and checks that nothing
 * damaged remains under a final name.
 */
@DisabledOnOs(
    value = OS.WINDOWS,
    disabledReason =
        "Windows has no SIGTERM: Process.destroy() ends the JVM without shutdown hooks")
class InterruptedFetchTest {
  private static final Duration SECONDS_5 = Duration.ofSeconds(5);

  @TempDir Path cache;

  private final FakeMnist mnist = new FakeMnist();
  private final MirrorServer server = new MirrorServer();
  private Process child;

  InterruptedFetchTest() throws IOException {
    byte[] gzipped = mnist.gzipped(MnistFile.TRAIN_IMAGES);
    // Sends half the first file, then nothing: the child is stuck mid-download until killed.
    server.route(
        "/stall/" + MnistFile.TRAIN_IMAGES.gzipName(),
        exchange -> {
          exchange.sendResponseHeaders(200, gzipped.length);
          OutputStream out = exchange.getResponseBody();
          out.write(gzipped, 0, gzipped.length / 2);
          out.flush();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.serveMnist("/good/", mnist);
  }

  @AfterEach
  void cleanUp() {
    if (child != null) {
      child.destroyForcibly();
    }
    server.close();
  }

  @Test
  void terminationMidDownloadLeavesNeitherFileNorTemporaryFile() throws Exception {
    startChildAndWaitForDownload();
    assertThat(temporaryFiles()).hasSize(1);

    child.destroy(); // SIGTERM: the JVM shuts down as on Ctrl-C
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(temporaryFiles()).isEmpty();
    assertThat(cache.resolve(MnistFile.TRAIN_IMAGES.fileName())).doesNotExist();
  }

  @Test
  void hardKillLeavesOnlyATemporaryFileWhichTheNextFetchRemoves() throws Exception {
    startChildAndWaitForDownload();

    child.destroyForcibly(); // SIGKILL: no chance to clean up
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(temporaryFiles()).hasSize(1);
    assertThat(cache.resolve(MnistFile.TRAIN_IMAGES.fileName())).doesNotExist();

    MnistFetcher.builder(cache)
        .sources(List.of(new HttpMirrorSource(server.url("/good/"), SECONDS_5, SECONDS_5)))
        .expectedSha256(mnist.hashes())
        .build()
        .fetch(FetchListener.SILENT);
    assertThat(temporaryFiles()).isEmpty();
    assertThat(mnist.isIn(cache)).isTrue();
  }

  private void startChildAndWaitForDownload() throws IOException, URISyntaxException {
    String classPath =
        classFolder(MnistFetcher.class) + File.pathSeparator + classFolder(FetchUntilKilled.class);
    child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                FetchUntilKilled.class.getName(),
                cache.toString(),
                server.url("/stall/").toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    assertThat(line).as("child output").isEqualTo("downloading");
  }

  private List<String> temporaryFiles() throws IOException {
    return MnistFetcherTest.filesIn(cache).stream().filter(name -> name.endsWith(".part")).toList();
  }

  private static String classFolder(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
