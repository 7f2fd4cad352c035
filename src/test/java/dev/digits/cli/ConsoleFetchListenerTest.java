package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.data.MnistFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleFetchListenerTest {
  private static final long SECOND = 1_000_000_000L;

  private final StringWriter text = new StringWriter();
  private long now;

  private ConsoleFetchListener listener(boolean terminal) {
    return new ConsoleFetchListener(new PrintWriter(text), terminal, () -> now);
  }

  @Test
  void terminalGetsABarRedrawnInPlace() {
    ConsoleFetchListener listener = listener(true);
    listener.attempt(MnistFile.TRAIN_IMAGES, "mirror m");
    now += SECOND;
    listener.progress(MnistFile.TRAIN_IMAGES, 2_500_000, 10_000_000);
    now += SECOND;
    listener.progress(MnistFile.TRAIN_IMAGES, 5_000_000, 10_000_000);

    assertThat(text.toString())
        .isEqualTo(
            "\r"
                + "train-images-idx3-ubyte [######------------------]  25% 2.5 MB of 10.0 MB  2.5"
                + " MB/s\r"
                + "train-images-idx3-ubyte [############------------]  50% 5.0 MB of 10.0 MB  2.5"
                + " MB/s");
  }

  @Test
  void terminalRedrawsAtMostTenTimesASecondButAlwaysShowsTheEnd() {
    ConsoleFetchListener listener = listener(true);
    listener.attempt(MnistFile.TEST_LABELS, "mirror m");
    for (int millis = 1; millis <= 250; millis++) {
      now += SECOND / 1000;
      listener.progress(MnistFile.TEST_LABELS, millis * 100L, 25_000);
    }

    // At 100 ms, at 200 ms, and at the end (250 ms).
    assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(3);
    assertThat(text.toString()).endsWith("100% 25.0 kB of 25.0 kB  100.0 kB/s");
  }

  @Test
  void outcomeLineClearsTheBar() {
    ConsoleFetchListener listener = listener(true);
    listener.attempt(MnistFile.TEST_LABELS, "mirror m");
    now += SECOND;
    listener.progress(MnistFile.TEST_LABELS, 10_008, 10_008);
    listener.fetched(MnistFile.TEST_LABELS, "mirror m", 10_008);

    String bar =
        "t10k-labels-idx1-ubyte [########################] 100% 10.0 kB of 10.0 kB  10.0 kB/s";
    assertThat(text.toString())
        .isEqualTo(
            "\r"
                + bar
                + "\r"
                + " ".repeat(bar.length())
                + "\r"
                + "t10k-labels-idx1-ubyte: 10.0 kB from mirror m, SHA-256 OK"
                + System.lineSeparator());
  }

  @Test
  void logsGetNoCarriageReturnsAndOnlyOccasionalLines() {
    ConsoleFetchListener listener = listener(false);
    listener.attempt(MnistFile.TRAIN_IMAGES, "mirror m");
    for (int second = 1; second <= 25; second++) {
      now += SECOND;
      listener.progress(MnistFile.TRAIN_IMAGES, second * 1_000_000L, 47_040_016);
    }
    listener.fetched(MnistFile.TRAIN_IMAGES, "mirror m", 47_040_016);

    assertThat(text.toString()).doesNotContain("\r");
    assertThat(text.toString().lines())
        .containsExactly(
            "train-images-idx3-ubyte:  21% 10.0 MB of 47.0 MB, 1.0 MB/s from mirror m",
            "train-images-idx3-ubyte:  42% 20.0 MB of 47.0 MB, 1.0 MB/s from mirror m",
            "train-images-idx3-ubyte: 47.0 MB from mirror m, SHA-256 OK");
  }

  @Test
  void unknownTotalShowsBytesOnly() {
    ConsoleFetchListener listener = listener(true);
    listener.attempt(MnistFile.TRAIN_IMAGES, "mirror m");
    now += 2 * SECOND;
    listener.progress(MnistFile.TRAIN_IMAGES, 3_000_000, -1);

    assertThat(text.toString()).isEqualTo("\rtrain-images-idx3-ubyte 3.0 MB  1.5 MB/s");
  }

  @Test
  void outcomesAreOneLineEach() {
    ConsoleFetchListener listener = listener(false);
    listener.cached(MnistFile.TEST_LABELS);
    listener.cacheRejected(MnistFile.TEST_IMAGES, "SHA-256 abc… is not the expected def…");
    listener.failed(MnistFile.TEST_IMAGES, "mirror m", "host not found");
    listener.note("running npm");

    assertThat(text.toString().lines())
        .containsExactly(
            "t10k-labels-idx1-ubyte: in the cache, SHA-256 OK",
            "t10k-images-idx3-ubyte: cached copy is damaged (SHA-256 abc… is not the expected"
                + " def…), fetching it again",
            "t10k-images-idx3-ubyte: mirror m failed: host not found",
            "running npm");
  }
}
