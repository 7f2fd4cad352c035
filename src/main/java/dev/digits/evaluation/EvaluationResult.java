package dev.digits.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A model's answers on a labelled set, and the figures derived from them.
 *
 * @param indices index of each evaluated image in its source set
 * @param labels true digit of each image
 * @param probabilities ten probabilities per image, image after image
 */
public record EvaluationResult(int[] indices, int[] labels, float[] probabilities) {

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
    int best = 0;
    for (int d = 1; d < 10; d++) {
      if (probabilities[i * 10 + d] > probabilities[i * 10 + best]) {
        best = d;
      }
    }
    return best;
  }

  /** The probability given to digit {@code d} for image {@code i}. */
  public float probability(int i, int d) {
    return probabilities[i * 10 + d];
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
      sum -= Math.log(Math.max(probabilities[i * 10 + labels[i]], 1e-12));
    }
    return labels.length == 0 ? Double.NaN : sum / labels.length;
  }

  /** {@code confusion[label][predicted]} counts. */
  public int[][] confusion() {
    int[][] matrix = new int[10][10];
    for (int i = 0; i < labels.length; i++) {
      matrix[labels[i]][predicted(i)]++;
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
