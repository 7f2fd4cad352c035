package dev.digits.reading;

import dev.digits.model.ModelMetadata;
import java.util.List;

/**
 * A number read from an image.
 *
 * @param digits its digits, left to right
 * @param model the model that read them
 * @param candidates how many candidate digits the model looked at to choose the cuts
 * @param preprocessMicros time spent decoding, segmenting and preprocessing
 * @param inferenceMicros time spent in the model
 */
public record NumberReading(
    List<ReadDigit> digits,
    ModelMetadata model,
    int candidates,
    long preprocessMicros,
    long inferenceMicros) {

  public NumberReading {
    digits = List.copyOf(digits);
  }

  /** The digits' best guesses as a string, leading zeros kept. */
  public String number() {
    StringBuilder number = new StringBuilder(digits.size());
    digits.forEach(digit -> number.append(digit.digit()));
    return number.toString();
  }

  /** The product of the digits' confidences: the chance the whole number is right. */
  public double confidence() {
    return digits.stream().mapToDouble(ReadDigit::confidence).reduce(1, (a, b) -> a * b);
  }

  /** Whether every digit was accepted. */
  public boolean accepted() {
    return digits.stream().allMatch(digit -> digit.decision().accepted());
  }
}
