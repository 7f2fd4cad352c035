package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NiceValueTest {

  @BeforeEach
  void onLinux() {
    assumeTrue(Platform.isLinux(), "nice values are per thread only on Linux");
    assertThat(NiceValue.isSupported()).as("the C library is reachable through JNA").isTrue();
  }

  @Test
  void lowersTheCallingThreadAloneByTheIncrement() {
    int mine = ThreadNice.ofCurrentThread();
    int[] before = new int[1];
    boolean lowered =
        inNewThread(
            () -> {
              before[0] = ThreadNice.ofCurrentThread();
              return NiceValue.lowerCurrentThread(3)
                  && ThreadNice.ofCurrentThread() == before[0] + 3;
            });

    assertThat(before[0]).as("a new thread starts at its creator's nice value").isEqualTo(mine);
    assertThat(lowered).isTrue();
    assertThat(ThreadNice.ofCurrentThread()).as("the calling test thread").isEqualTo(mine);
  }

  @Test
  void stopsAtTheLowestPriority() {
    int after =
        inNewThread(
            () -> {
              NiceValue.lowerCurrentThread(NiceValue.LOWEST);
              NiceValue.lowerCurrentThread(5);
              return ThreadNice.ofCurrentThread();
            });

    assertThat(after).isEqualTo(NiceValue.LOWEST);
  }

  @Test
  void zeroLeavesThePriorityAlone() {
    int mine = ThreadNice.ofCurrentThread();

    int after =
        inNewThread(
            () -> {
              NiceValue.lowerCurrentThread(0);
              return ThreadNice.ofCurrentThread();
            });

    assertThat(after).isEqualTo(mine);
  }

  /** Runs {@code body} on a thread of its own, since a lowered priority cannot be raised back. */
  private static <T> T inNewThread(Supplier<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> result.complete(body.get()), "nice-value-test");
    thread.start();
    return result.join();
  }
}
