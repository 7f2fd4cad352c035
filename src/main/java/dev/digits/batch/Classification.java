package dev.digits.batch;

import dev.digits.model.Decision;
import dev.digits.model.Prediction;
import java.util.List;
import java.util.Objects;

/**
 * What became of one input image: the model's prediction and its decision, or why the image could
 * not be read.
 *
 * @param name the image, as {@link InputImage#name()}
 * @param prediction the model's probabilities; null when the image could not be read
 * @param decision whether the best guess is given as the answer; null when the image could not be
 *     read
 * @param error why the image could not be read; null when it was classified
 */
public record Classification(String name, Prediction prediction, Decision decision, String error) {
  /** How many digits {@link #top()} lists, the best guess included: as the server's answers. */
  public static final int TOP = 3;

  public Classification {
    Objects.requireNonNull(name, "name");
    if ((error == null) == (prediction == null || decision == null)) {
      throw new IllegalArgumentException(
          "a classification has a prediction and decision or an error");
    }
  }

  static Classification classified(String name, Prediction prediction, Decision decision) {
    return new Classification(name, prediction, decision, null);
  }

  static Classification unreadable(String name, String error) {
    return new Classification(name, null, null, error);
  }

  public boolean failed() {
    return error != null;
  }

  /** The most probable digits, most probable first. */
  public List<Prediction.Ranked> top() {
    return prediction.top(TOP);
  }

  /** Why the best guess was declined ({@code not_a_digit}, …), or null when it was accepted. */
  public String reason() {
    return decision.accepted() ? null : decision.reason().id();
  }
}
