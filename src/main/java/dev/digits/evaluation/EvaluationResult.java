package dev.digits.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A model's answers on a labelled set, and the figures derived from them. The answer for an image
 * is its most probable digit; a network that can decline has further outputs, whose probabilities
 * count in the loss but are never the digit chosen.
 *
 * @param indices index of each evaluated image in its source set
 * @param labels true digit (or, for examples that are not one digit, output) of each image
 * @param probabilities {@code outputs} probabilities per image, image after image
 * @param outputs the network's outputs per image: 10, or 12 for a network that declines
 */
public record EvaluationResult(int[] indices, int[] labels, float[] probabilities, int outputs) {

  /** The answers of a network with the ten digits as its outputs. */
  public EvaluationResult(int[] indices, int[] labels, float[] probabilities) {
    this(indices, labels, probabilities, 10);
  }

  /** Scores of one digit class. */
  public record ClassScores(int digit, int support, double precision, double recall, double f1) {}

  /**
   * One misclassified image.
   *
   * @param index index of the image in its source set
   * @param label the true digit
   * @param predicted the digit the model chose
   * @param confidence the probability it gave {@code predicted}
   * @param labelProbability the probability it gave the true digit
   */
  public record Mistake(
      int index, int label, int predicted, double confidence, double labelProbability) {}

  /** Number of images evaluated. */
  public int count() {
    return labels.length;
  }

  /** The digit chosen for image {@code i} (position in this result, not source index). */
  public int predicted(int i) {
    return argmax(i, 10);
  }

  /** The most probable output for image {@code i}, a decline output included. */
  public int predictedOutput(int i) {
    return argmax(i, outputs);
  }

  /**
   * The probability given to output {@code d} (a digit, or a kind of decline) for image {@code i}.
   */
  public float probability(int i, int d) {
    return probabilities[i * outputs + d];
  }

  /** Share of images whose most probable output, a decline output included, is their label. */
  public double outputAccuracy() {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predictedOutput(i) == labels[i]) {
        right++;
      }
    }
    return labels.length == 0 ? Double.NaN : (double) right / labels.length;
  }

  private int argmax(int i, int among) {
    int best = 0;
    for (int d = 1; d < among; d++) {
      if (probability(i, d) > probability(i, best)) {
        best = d;
      }
    }
    return best;
  }

  /** Number of images whose prediction equals the label. */
  public int correct() {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted(i) == labels[i]) {
        correct++;
      }
    }
    return correct;
  }

  /** Fraction classified correctly. */
  public double accuracy() {
    return labels.length == 0 ? Double.NaN : (double) correct() / labels.length;
  }

  /**
   * Mean cross-entropy −log p(label), with p clamped at 1e-12 so one certain mistake stays finite.
   */
  public double meanLoss() {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum -= Math.log(Math.max(probability(i, labels[i]), 1e-12));
    }
    return labels.length == 0 ? Double.NaN : sum / labels.length;
  }

  /** {@code confusion[label][predicted]} counts. */
  public int[][] confusion() {
    int[][] matrix = new int[10][10];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 10) {
        matrix[labels[i]][predicted(i)]++;
      }
    }
    return matrix;
  }

  /** Precision, recall and F1 of each digit. */
  public List<ClassScores> perClass() {
    int[][] matrix = confusion();
    List<ClassScores> scores = new ArrayList<>(10);
    for (int d = 0; d < 10; d++) {
      int truePositives = matrix[d][d];
      int support = 0;
      int predictedAs = 0;
      for (int k = 0; k < 10; k++) {
        support += matrix[d][k];
        predictedAs += matrix[k][d];
      }
      double precision = predictedAs == 0 ? 0 : (double) truePositives / predictedAs;
      double recall = support == 0 ? 0 : (double) truePositives / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      scores.add(new ClassScores(d, support, precision, recall, f1));
    }
    return scores;
  }

  /** Every mistake, the most confident first. */
  public List<Mistake> mistakes() {
    List<Mistake> mistakes = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      int predicted = predicted(i);
      if (predicted != labels[i]) {
        mistakes.add(
            new Mistake(
                indices[i],
                labels[i],
                predicted,
                probability(i, predicted),
                probability(i, labels[i])));
      }
    }
    mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed());
    return mistakes;
  }
}
