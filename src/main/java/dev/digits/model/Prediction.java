package dev.digits.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a classifier says about one image: a probability for each digit 0–9.
 *
 * @param probabilities ten probabilities summing to 1, indexed by digit
 */
public record Prediction(float[] probabilities) {

  /** One digit and its probability. */
  public record Ranked(int digit, float probability) {}

  public Prediction {
    if (probabilities.length != 10) {
      throw new IllegalArgumentException("expected 10 probabilities, got " + probabilities.length);
    }
    probabilities = probabilities.clone();
  }

  /** The most probable digit (the lower digit on a tie). */
  public int digit() {
    int best = 0;
    for (int d = 1; d < 10; d++) {
      if (probabilities[d] > probabilities[best]) {
        best = d;
      }
    }
    return best;
  }

  /** The probability of {@link #digit()}. */
  public float confidence() {
    return probabilities[digit()];
  }

  /** The {@code k} most probable digits, most probable first. */
  public List<Ranked> top(int k) {
    List<Ranked> ranked = new ArrayList<>(10);
    IntStream.range(0, 10).forEach(d -> ranked.add(new Ranked(d, probabilities[d])));
    ranked.sort(Comparator.comparingDouble(Ranked::probability).reversed());
    return List.copyOf(ranked.subList(0, Math.min(k, 10)));
  }

  @Override
  public float[] probabilities() {
    return probabilities.clone();
  }
}
