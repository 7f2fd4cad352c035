package dev.digits.corpus;

import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Which writers of a pen-digit set train the network and which are held out to validate it. A
 * writer is on one side only: the validation figures are of handwriting the network never saw. The
 * held-out writers depend only on the set's writers and their number, not on a run's seed.
 *
 * @param training writers whose digits train
 * @param validation writers whose digits only validate
 */
public record WriterSplit(SortedSet<Integer> training, SortedSet<Integer> validation) {
  private static final long SPLIT_SEED = 0x5EED_0F_3E17E5L;

  public WriterSplit {
    training = new TreeSet<>(training);
    validation = new TreeSet<>(validation);
  }

  /**
   * Holds {@code validationWriters} of the set's writers out.
   *
   * @throws IllegalArgumentException when that leaves no writer to train on
   */
  public static WriterSplit of(PenDigits digits, int validationWriters) {
    List<Integer> writers = new ArrayList<>(digits.writers());
    if (validationWriters < 0 || validationWriters >= writers.size()) {
      throw new IllegalArgumentException(
          "cannot hold out "
              + validationWriters
              + " of "
              + writers.size()
              + " writers and still train on one");
    }
    SplittableRandom random = new SplittableRandom(SPLIT_SEED);
    for (int i = writers.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = writers.get(i);
      writers.set(i, writers.get(j));
      writers.set(j, swap);
    }
    return new WriterSplit(
        new TreeSet<>(writers.subList(validationWriters, writers.size())),
        new TreeSet<>(writers.subList(0, validationWriters)));
  }

  /** The digits of the training writers. */
  public List<PenDigit> trainingDigits(PenDigits digits) {
    return digits.digits().stream().filter(d -> training.contains(d.writer())).toList();
  }

  /** The digits of the validation writers. */
  public List<PenDigit> validationDigits(PenDigits digits) {
    return digits.digits().stream().filter(d -> validation.contains(d.writer())).toList();
  }
}
