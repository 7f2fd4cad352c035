package dev.digits.corpus;

import dev.digits.data.IdxImages;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.drawing.Drawing;
import dev.digits.preprocessing.PreprocessingException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Examples drawn on the page's canvas and preprocessed as the server does ({@link CanvasPath}),
 * kept as 28 × 28 bytes like MNIST's. Example {@code i} depends only on the seed and {@code i}, so
 * the examples are the same however many threads make them.
 */
public final class Renderings {
  private static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;

  /** A drawing that preprocessing finds blank (ink over most of the canvas) is drawn again. */
  private static final int ATTEMPTS = 20;

  private Renderings() {}

  /**
   * Each digit drawn {@code renders} times in styles from {@code style}: example {@code i} is digit
   * {@code i / renders}.
   *
   * @param progress told the number of examples made so far, now and then
   */
  public static LabelledImages penDigits(
      List<PenDigit> digits, int renders, PenStyle style, long seed, IntConsumer progress) {
    int count = digits.size() * renders;
    byte[] labels = new byte[count];
    byte[] pixels =
        make(
            count,
            seed,
            progress,
            (i, random) -> {
              PenDigit digit = digits.get(i / renders);
              labels[i] = (byte) digit.label();
              return PenDigitDrawings.draw(digit, style, random);
            });
    return new LabelledImages(new IdxImages(count, SIDE, SIDE, pixels), labels);
  }

  /**
   * MNIST digits redrawn on the canvas as a person would draw them: glyph {@code i}'s centre lines
   * in a style from {@code style}.
   */
  public static LabelledImages mnistDigits(
      MnistGlyphs glyphs, PenStyle style, long seed, IntConsumer progress) {
    int count = glyphs.size();
    byte[] labels = new byte[count];
    byte[] pixels =
        make(
            count,
            seed,
            progress,
            (i, random) -> {
              labels[i] = (byte) glyphs.label(i);
              return style.place(glyphs.paths(i), random);
            });
    return new LabelledImages(new IdxImages(count, SIDE, SIDE, pixels), labels);
  }

  /**
   * Non-digits of the given kinds, each example's kind drawn with the given weights, labelled with
   * the kind's output.
   *
   * @param kinds the kinds drawn from; {@code kindOf[i]} tells which one example {@code i} is
   */
  public static NonDigitExamples nonDigits(
      NonDigits generator,
      List<NonDigitKind> kinds,
      double[] weights,
      int count,
      long seed,
      IntConsumer progress) {
    if (kinds.size() != weights.length || kinds.isEmpty()) {
      throw new IllegalArgumentException("one weight per kind, and at least one kind");
    }
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double sum = total;
    byte[] labels = new byte[count];
    NonDigitKind[] kindOf = new NonDigitKind[count];
    byte[] pixels =
        make(
            count,
            seed,
            progress,
            (i, random) -> {
              if (kindOf[i] == null) {
                double pick = random.nextDouble() * sum;
                int k = 0;
                while (k < weights.length - 1 && pick >= weights[k]) {
                  pick -= weights[k];
                  k++;
                }
                kindOf[i] = kinds.get(k);
                labels[i] = (byte) kindOf[i].output();
              }
              return generator.draw(kindOf[i], random);
            });
    return new NonDigitExamples(
        new LabelledImages(new IdxImages(count, SIDE, SIDE, pixels), labels), List.of(kindOf));
  }

  /**
   * Generated non-digits and the kind of each.
   *
   * @param examples the images, labelled with their kind's output
   * @param kinds the kind of each image
   */
  public record NonDigitExamples(LabelledImages examples, List<NonDigitKind> kinds) {}

  /** Draws example {@code i} from its own generator. */
  @FunctionalInterface
  private interface Artist {
    Drawing draw(int index, SplittableRandom random);
  }

  private static byte[] make(int count, long seed, IntConsumer progress, Artist artist) {
    byte[] pixels = new byte[count * PIXELS];
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, count)
        .parallel()
        .forEach(
            i -> {
              float[] input = render(i, new SplittableRandom(mix(seed, i)), artist);
              for (int p = 0; p < PIXELS; p++) {
                pixels[i * PIXELS + p] = (byte) Math.round(input[p] * 255);
              }
              int made = done.incrementAndGet();
              if (made % 500 == 0 || made == count) {
                progress.accept(made);
              }
            });
    return pixels;
  }

  private static float[] render(int index, SplittableRandom random, Artist artist) {
    for (int attempt = 1; ; attempt++) {
      try {
        return CanvasPath.toModelInput(artist.draw(index, random)).pixels();
      } catch (PreprocessingException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(
              "example " + index + " came out blank " + ATTEMPTS + " times in a row", e);
        }
      }
    }
  }

  /** SplitMix64's finalizer of the seed and the index: independent generators per example. */
  private static long mix(long seed, long index) {
    long z = seed ^ (index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
