package dev.digits.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a classifier says about one image: a calibrated probability for each of its outputs — the
 * digits 0–9 and, for a network that declines, the kinds of drawing that are not one digit ({@link
 * OutputClasses}). The answer is always the most probable digit, the best guess; whether to trust
 * it is a {@link Decision}'s question.
 *
 * @param outputs the probabilities of every output, summing to 1: 10 or 12 of them
 */
public record Prediction(float[] outputs) {

  /** One digit and its probability. */
  public record Ranked(int digit, float probability) {}

  public Prediction {
    if (outputs.length != OutputClasses.DIGITS_ONLY.size()
        && outputs.length != OutputClasses.WITH_DECLINES.size()) {
      throw new IllegalArgumentException(
          "expected 10 or 12 output probabilities, got " + outputs.length);
    }
    outputs = outputs.clone();
  }

  /** The most probable digit (the lower digit on a tie). */
  public int digit() {
    int best = 0;
    for (int d = 1; d < OutputClasses.DIGITS; d++) {
      if (outputs[d] > outputs[best]) {
        best = d;
      }
    }
    return best;
  }

  /** The probability of {@link #digit()}. */
  public float confidence() {
    return outputs[digit()];
  }

  /**
   * The ten digits' probabilities, indexed by digit. For a network that declines they sum to the
   * probability that the image is one digit.
   */
  public float[] probabilities() {
    return Arrays.copyOf(outputs, OutputClasses.DIGITS);
  }

  /** The probability that the image is not one digit: 0 for a network without decline outputs. */
  public float declineProbability() {
    float sum = 0;
    for (int d = OutputClasses.DIGITS; d < outputs.length; d++) {
      sum += outputs[d];
    }
    return sum;
  }

  /** The probability of output {@code index} (a digit, or a kind of decline). */
  public float output(int index) {
    return outputs[index];
  }

  /** The {@code k} most probable digits, most probable first. */
  public List<Ranked> top(int k) {
    List<Ranked> ranked = new ArrayList<>(OutputClasses.DIGITS);
    IntStream.range(0, OutputClasses.DIGITS).forEach(d -> ranked.add(new Ranked(d, outputs[d])));
    ranked.sort(Comparator.comparingDouble(Ranked::probability).reversed());
    return List.copyOf(ranked.subList(0, Math.min(k, OutputClasses.DIGITS)));
  }

  @Override
  public float[] outputs() {
    return outputs.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Prediction that && Arrays.equals(outputs, that.outputs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(outputs);
  }

  @Override
  public String toString() {
    return "Prediction" + Arrays.toString(outputs);
  }
}
