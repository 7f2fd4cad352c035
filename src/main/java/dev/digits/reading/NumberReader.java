package dev.digits.reading;

import dev.digits.model.Decision;
import dev.digits.model.DecisionRule;
import dev.digits.model.DigitClassifier;
import dev.digits.model.InkExtent;
import dev.digits.model.Prediction;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.InkPicture;
import dev.digits.preprocessing.PreprocessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the number in an image: its ink ({@link DigitPreprocessor}), the pieces of ink grouped into
 * clusters ({@link DigitGroups}), every candidate digit of every cluster ({@link CandidatePieces})
 * normalized as a single drawing is and classified in one batch, then the candidates that read best
 * ({@link SegmentationSearch}) with the model's decision on each. Stateless: one instance serves
 * any number of threads.
 */
public final class NumberReader {
  /** A piece under this share of the tallest digit's height may be a stray mark. */
  static final double STRAY_HEIGHT = 0.5;

  private final DigitPreprocessor preprocessor;

  public NumberReader(DigitPreprocessor preprocessor) {
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
  }

  /** Where the image comes from: its ink, found by the preprocessor given. */
  @FunctionalInterface
  public interface InkSource {
    InkPicture ink(DigitPreprocessor preprocessor) throws PreprocessingException;
  }

  /**
   * Reads the number in the image.
   *
   * @throws PreprocessingException when the image is unreadable, too large or has no ink
   */
  public NumberReading read(DigitClassifier classifier, InkSource source)
      throws PreprocessingException {
    long start = System.nanoTime();
    InkPicture ink = source.ink(preprocessor);
    InkComponents components = InkComponents.of(ink);
    List<Cluster> clusters = DigitGroups.of(components.components());
    CandidatePieces candidates = CandidatePieces.of(clusters, components, ink);
    List<PieceImage> cut = new ArrayList<>();
    List<DigitImage> inputs = new ArrayList<>();
    for (Piece piece : candidates.pieces()) {
      PieceImage image = PieceImage.cut(piece, components, ink);
      cut.add(image);
      inputs.add(image == null ? null : normalized(image));
    }
    List<float[]> batch = inputs.stream().filter(Objects::nonNull).map(DigitImage::pixels).toList();
    long preprocessed = System.nanoTime();
    List<Prediction> predictions = batch.isEmpty() ? List.of() : classifier.classifyAll(batch);
    long inferred = System.nanoTime();
    Prediction[] byPiece = new Prediction[inputs.size()];
    double[] confidences = new double[inputs.size()];
    for (int p = 0, next = 0; p < inputs.size(); p++) {
      if (inputs.get(p) != null) {
        byPiece[p] = predictions.get(next++);
        confidences[p] = byPiece[p].confidence();
      }
    }
    DecisionRule rule = DecisionRule.of(classifier.metadata());
    int shorterSide = Math.max(1, Math.min(ink.width(), ink.height()));
    List<Integer> chosen =
        SegmentationSearch.best(candidates.pieces(), confidences, candidates.atoms());
    int tallest =
        chosen.stream()
            .filter(p -> byPiece[p] != null)
            .mapToInt(p -> cut.get(p).box().height())
            .max()
            .orElse(0);
    List<ReadDigit> digits = new ArrayList<>();
    for (int p : chosen) {
      if (byPiece[p] == null || isStray(byPiece[p], rule, cut.get(p).box(), tallest)) {
        continue;
      }
      PixelBox box = cut.get(p).box();
      InkExtent extent =
          new InkExtent(Math.max(1, Math.max(box.width(), box.height())), shorterSide);
      digits.add(new ReadDigit(byPiece[p], rule.decide(byPiece[p], extent), box, inputs.get(p)));
    }
    return new NumberReading(
        digits,
        classifier.metadata(),
        batch.size(),
        (preprocessed - start) / 1_000,
        (inferred - preprocessed) / 1_000);
  }

  /**
   * Whether a piece is a stray mark rather than a digit: much shorter than the tallest digit and
   * declined as not a digit (a detached stroke too far from any digit to join it, a dot).
   */
  private static boolean isStray(
      Prediction prediction, DecisionRule rule, PixelBox box, int tallest) {
    return box.height() < STRAY_HEIGHT * tallest
        && rule.decide(prediction, null).reason() == Decision.Reason.NOT_A_DIGIT;
  }

  /** The piece as the model's input, or {@code null} when it is only specks. */
  private DigitImage normalized(PieceImage image) {
    try {
      return preprocessor.fromInk(image.ink());
    } catch (PreprocessingException e) {
      return null;
    }
  }
}
