package dev.digits.reading;

import dev.digits.model.Decision;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.DigitImage;

/**
 * One digit of a number read.
 *
 * @param prediction the model's probabilities for it
 * @param decision whether to trust it, or why not
 * @param box where its ink is in the read image
 * @param input the 28 × 28 image the model saw
 */
public record ReadDigit(Prediction prediction, Decision decision, PixelBox box, DigitImage input) {

  public int digit() {
    return prediction.digit();
  }

  public float confidence() {
    return prediction.confidence();
  }
}
