package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.io.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpMirrorSourceTest {
  private static final Duration SHORT = Duration.ofSeconds(5);

  @TempDir Path cache;

  private final FakeMnist mnist = new FakeMnist();
  private final RecordingListener listener = new RecordingListener();
  private final MirrorServer server = new MirrorServer();

  HttpMirrorSourceTest() throws IOException {}

  @AfterEach
  void stopServer() {
    server.close();
  }

  private HttpMirrorSource mirror(String path) {
    return new HttpMirrorSource(server.url(path), SHORT, SHORT);
  }

  private FetchResult fetch(MnistSource... sources) throws IOException {
    return MnistFetcher.builder(cache)
        .sources(List.of(sources))
        .expectedSha256(mnist.hashes())
        .build()
        .fetch(listener);
  }

  @Test
  void fetchesGzippedFilesEndToEnd() throws IOException {
    server.serveMnist("/mnist/", mnist);
    HttpMirrorSource mirror = mirror("/mnist/");

    FetchResult result = fetch(mirror);

    assertThat(mnist.isIn(cache)).isTrue();
    assertThat(result.origins().values()).containsOnly(mirror.name());
    assertThat(server.requests)
        .containsExactly(
            "/mnist/train-images-idx3-ubyte.gz",
            "/mnist/train-labels-idx1-ubyte.gz",
            "/mnist/t10k-images-idx3-ubyte.gz",
            "/mnist/t10k-labels-idx1-ubyte.gz");
  }

  @Test
  void baseWithoutTrailingSlashWorks() throws IOException {
    server.serveMnist("/mnist/", mnist);

    fetch(new HttpMirrorSource(server.url("/mnist"), SHORT, SHORT));

    assertThat(mnist.isIn(cache)).isTrue();
  }

  @Test
  void reportsProgressAgainstContentLength() throws IOException {
    server.serveMnist("/m/", mnist);

    fetch(mirror("/m/"));

    long gzippedSize = mnist.gzipped(MnistFile.TRAIN_IMAGES).length;
    assertThat(listener.progress).isNotEmpty();
    assertThat(listener.progress)
        .anySatisfy(p -> assertThat(p).containsExactly(gzippedSize, gzippedSize));
  }

  @Test
  void acceptsAnAlreadyDecompressedBody() throws IOException {
    for (MnistFile file : MnistFile.values()) {
      server.serve("/raw/" + file.gzipName(), mnist.raw(file));
    }

    fetch(mirror("/raw/"));

    assertThat(mnist.isIn(cache)).isTrue();
  }

  @Test
  void followsRedirects() throws IOException {
    server.serveMnist("/new/", mnist);
    for (MnistFile file : MnistFile.values()) {
      server.route(
          "/old/" + file.gzipName(),
          exchange -> {
            exchange.getResponseHeaders().add("Location", "/new/" + file.gzipName());
            exchange.sendResponseHeaders(302, -1);
          });
    }

    fetch(mirror("/old/"));

    assertThat(mnist.isIn(cache)).isTrue();
  }

  @Test
  void notFoundServerErrorAndGarbageFallThroughToTheNextMirror() throws IOException {
    server.serveMnist("/good/", mnist);
    for (MnistFile file : MnistFile.values()) {
      server.status("/error/" + file.gzipName(), 500);
      server.serve("/garbage/" + file.gzipName(), "<html>blocked</html>".getBytes());
      byte[] broken = mnist.gzipped(file);
      server.serve("/broken/" + file.gzipName(), Arrays.copyOf(broken, broken.length - 9));
    }
    HttpMirrorSource missing = mirror("/missing/");
    HttpMirrorSource error = mirror("/error/");
    HttpMirrorSource garbage = mirror("/garbage/");
    HttpMirrorSource broken = mirror("/broken/");
    HttpMirrorSource good = mirror("/good/");

    FetchResult result = fetch(missing, error, garbage, broken, good);

    assertThat(result.origins().values()).containsOnly(good.name());
    assertThat(listener.startingWith("failed train-images-idx3-ubyte"))
        .containsExactly(
            "failed train-images-idx3-ubyte "
                + missing.name()
                + ": HTTP 404 for "
                + server.url("/missing/train-images-idx3-ubyte.gz"),
            "failed train-images-idx3-ubyte "
                + error.name()
                + ": HTTP 500 for "
                + server.url("/error/train-images-idx3-ubyte.gz"),
            "failed train-images-idx3-ubyte "
                + garbage.name()
                + ": SHA-256 "
                + Format.hashPrefix(Sha256.hex("<html>blocked</html>".getBytes()))
                + " is not the expected "
                + Format.hashPrefix(mnist.hashes().get(MnistFile.TRAIN_IMAGES))
                + " (damaged or different file)",
            "failed train-images-idx3-ubyte "
                + broken.name()
                + ": corrupt gzip data (Unexpected end of ZLIB input stream)");
  }

  @Test
  void unreachableMirrorIsTriedOnceAndSkippedForTheOtherFiles() throws IOException {
    HttpMirrorSource dead =
        new HttpMirrorSource(URI.create("http://127.0.0.1:" + closedPort() + "/"), SHORT, SHORT);
    server.serveMnist("/", mnist);

    fetch(dead, mirror("/"));

    assertThat(listener.startingWith("failed"))
        .singleElement()
        .asString()
        .contains(dead.name() + ": connection refused");
    assertThat(mnist.isIn(cache)).isTrue();
  }

  @Test
  void unreachableMirrorInTheFinalMessage() throws IOException {
    HttpMirrorSource dead =
        new HttpMirrorSource(URI.create("http://127.0.0.1:" + closedPort() + "/"), SHORT, SHORT);

    assertThatThrownBy(() -> fetch(dead))
        .hasMessageStartingWith(
            "could not fetch train-images-idx3-ubyte: " + dead.name() + ": connection refused");
  }

  @Test
  void unknownHostIsNamedAsSuch() {
    HttpMirrorSource nowhere =
        new HttpMirrorSource(URI.create("http://mirror.invalid/mnist/"), SHORT, SHORT);

    assertThatThrownBy(
            () -> nowhere.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessage("host not found");
    assertThatThrownBy(
            () -> nowhere.fetch(MnistFile.TRAIN_LABELS, new ByteArrayOutputStream(), listener))
        .isInstanceOf(SourceSkippedException.class)
        .hasMessageContaining("host not found");
  }

  @Test
  void stalledDownloadIsAbandonedAfterTheReadTimeout() throws IOException {
    byte[] gzipped = mnist.gzipped(MnistFile.TEST_LABELS);
    server.route(
        "/slow/" + MnistFile.TEST_LABELS.gzipName(),
        exchange -> {
          exchange.sendResponseHeaders(200, gzipped.length);
          OutputStream out = exchange.getResponseBody();
          out.write(gzipped, 0, 10);
          out.flush();
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    HttpMirrorSource slow =
        new HttpMirrorSource(server.url("/slow/"), SHORT, Duration.ofMillis(300));

    assertThatThrownBy(
            () -> slow.fetch(MnistFile.TEST_LABELS, new ByteArrayOutputStream(), listener))
        .hasMessage("no data for 0.3 s, gave up");
  }

  @Test
  void onlyHttpUrlsAreMirrors() {
    assertThatThrownBy(() -> HttpMirrorSource.of("ftp://example.org/mnist/", SHORT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ftp://example.org/mnist/ is not an http(s) URL");
    assertThatThrownBy(() -> HttpMirrorSource.of("mnist/", SHORT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpMirrorSource.of("http://exa mple.org/", SHORT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a URL");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
