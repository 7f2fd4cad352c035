package dev.digits.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which of the 60,000 training images train the network and which are held out to validate it. The
 * held-out images depend only on their number, not on the run's seed, so runs with different seeds
 * or architectures are validated on the same images. The test set is never part of it.
 *
 * @param train indices of the images used for gradient steps
 * @param validation indices of the held-out images
 */
public record DataSplit(int[] train, int[] validation) {
  private static final long SPLIT_SEED = 0x5EED_D161_75L;

  /**
   * Splits {@code total} images.
   *
   * @param validationSize images to hold out
   * @param trainingLimit keep only this many training images (0 = all of the rest)
   */
  public static DataSplit of(int total, int validationSize, int trainingLimit) {
    if (validationSize >= total) {
      throw new IllegalArgumentException(
          "validation size " + validationSize + " leaves no training images out of " + total);
    }
    int[] order = new int[total];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(SPLIT_SEED);
    for (int i = total - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] validation = Arrays.copyOfRange(order, total - validationSize, total);
    int available = total - validationSize;
    int trainCount = trainingLimit > 0 ? Math.min(trainingLimit, available) : available;
    int[] train = Arrays.copyOfRange(order, 0, trainCount);
    Arrays.sort(validation);
    return new DataSplit(train, validation);
  }
}
