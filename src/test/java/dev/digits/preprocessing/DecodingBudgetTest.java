package dev.digits.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.digits.Await;
import dev.digits.preprocessing.PreprocessingException.Reason;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecodingBudgetTest {
  private static final long MIB = 1024 * 1024;

  /** Pixels whose estimate is exactly {@code mib} MiB. */
  private static long pixelsOf(long mib) {
    return mib * MIB / DecodingBudget.BYTES_PER_PIXEL;
  }

  @Test
  void imagesShareTheBudgetUntilItIsFull() throws Exception {
    DecodingBudget budget = DecodingBudget.of(8 * MIB, Duration.ZERO);

    try (DecodingBudget.Reservation first = budget.reserve(pixelsOf(5));
        DecodingBudget.Reservation second = budget.reserve(pixelsOf(3))) {
      assertBusy(() -> budget.reserve(1));
    }
    budget.reserve(pixelsOf(8)).close();
  }

  @Test
  void closingGivesTheRoomBackOnlyOnce() throws Exception {
    DecodingBudget budget = DecodingBudget.of(4 * MIB, Duration.ZERO);
    DecodingBudget.Reservation half = budget.reserve(pixelsOf(2));
    half.close();
    half.close();

    try (DecodingBudget.Reservation all = budget.reserve(pixelsOf(4))) {
      assertBusy(() -> budget.reserve(1));
    }
  }

  @Test
  void anImageLargerThanTheBudgetRunsAlone() throws Exception {
    DecodingBudget budget = DecodingBudget.of(2 * MIB, Duration.ZERO);

    try (DecodingBudget.Reservation huge = budget.reserve(PreprocessingLimits.PIXELS_CEILING)) {
      assertBusy(() -> budget.reserve(1));
    }
    try (DecodingBudget.Reservation small = budget.reserve(1)) {
      assertBusy(() -> budget.reserve(Long.MAX_VALUE));
    }
  }

  @Test
  void aWaitingImageGetsTheRoomWhenItIsReturned() throws Exception {
    DecodingBudget budget = DecodingBudget.of(2 * MIB, Duration.ofSeconds(30));
    DecodingBudget.Reservation all = budget.reserve(pixelsOf(2));

    CompletableFuture<DecodingBudget.Reservation> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return budget.reserve(pixelsOf(1));
              } catch (PreprocessingException e) {
                throw new AssertionError(e);
              }
            });
    Await.until("the second image waits for room", () -> budget.waitingImages() == 1);
    assertThat(waiting).isNotDone();
    all.close();

    waiting.get(30, TimeUnit.SECONDS).close();
  }

  @Test
  void anInterruptedWaitIsRefusedAndKeepsTheInterrupt() throws Exception {
    DecodingBudget budget = DecodingBudget.of(1 * MIB, Duration.ofSeconds(30));
    try (DecodingBudget.Reservation all = budget.reserve(pixelsOf(1))) {
      Thread.currentThread().interrupt();
      assertBusy(() -> budget.reserve(1));
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void unlimitedNeverRefuses() throws Exception {
    DecodingBudget budget = DecodingBudget.unlimited();
    try (DecodingBudget.Reservation a = budget.reserve(Long.MAX_VALUE);
        DecodingBudget.Reservation b = budget.reserve(Long.MAX_VALUE)) {
      assertThat(budget.bytes()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void halfTheHeapIsHalfTheHeap() {
    long expected = Runtime.getRuntime().maxMemory() / 2;
    assertThat(DecodingBudget.halfTheHeap(Duration.ZERO).bytes())
        .isBetween(expected - 64 * 1024, expected);
  }

  @Test
  void budgetsTooSmallOrWaitsNegativeAreRejected() {
    assertThatThrownBy(() -> DecodingBudget.of(MIB - 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecodingBudget.of(MIB, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPreprocessorWithoutRoomRefusesAsBusyAndAnswersOnceThereIsRoom() throws Exception {
    DecodingBudget budget = DecodingBudget.of(MIB, Duration.ZERO);
    DigitPreprocessor preprocessor = new DigitPreprocessor(PreprocessingLimits.DEFAULT, budget);
    BufferedImage drawing =
        DigitDrawing.blackOnWhite(
            100, DigitDrawing.Shape.SEVEN, new Rectangle2D.Double(25, 20, 50, 60), 7);
    byte[] png = DigitDrawing.png(drawing);

    try (DecodingBudget.Reservation all = budget.reserve(pixelsOf(1))) {
      assertBusy(() -> preprocessor.fromEncoded(png));
      assertBusy(() -> preprocessor.fromImage(drawing));
    }
    assertThat(preprocessor.fromEncoded(png).pixels()).hasSize(28 * 28);
    assertThat(preprocessor.fromImage(drawing).pixels()).hasSize(28 * 28);
  }

  private interface Refusable {
    void run() throws Exception;
  }

  private static void assertBusy(Refusable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(PreprocessingException.class)
        .extracting(e -> ((PreprocessingException) e).reason())
        .isEqualTo(Reason.BUSY);
  }
}
