package dev.digits.training;

/**
 * Running sums over the batches of one epoch, from which its mean loss and accuracy follow.
 *
 * @param batches batches counted
 * @param images images counted
 * @param correct images classified correctly
 * @param lossSum sum of the batches' mean total losses
 * @param penaltySum sum of the batches' penalty terms
 * @param seconds wall-clock time of the counted batches
 */
public record EpochTotals(
    int batches, long images, long correct, double lossSum, double penaltySum, double seconds) {

  /** Nothing counted yet. */
  public static final EpochTotals EMPTY = new EpochTotals(0, 0, 0, 0, 0, 0);

  /** These totals plus one batch. */
  public EpochTotals plus(int size, int batchCorrect, double loss, double penalty, double secs) {
    return new EpochTotals(
        batches + 1,
        images + size,
        correct + batchCorrect,
        lossSum + loss,
        penaltySum + penalty,
        seconds + secs);
  }

  double meanLoss() {
    return batches == 0 ? 0 : lossSum / batches;
  }

  double meanPenalty() {
    return batches == 0 ? 0 : penaltySum / batches;
  }

  double accuracy() {
    return images == 0 ? 0 : (double) correct / images;
  }

  double imagesPerSecond() {
    return seconds == 0 ? 0 : images / seconds;
  }
}
