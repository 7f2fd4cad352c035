package dev.digits.benchmark;

import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.model.DigitClassifier;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.reading.NumberReader;
import dev.digits.reading.NumberReading;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How often whole numbers are read exactly: numbers of 2 to 6 digits set from MNIST's test digits
 * and from pen digits drawn on the canvas, with gaps from wide to touching, a drifting baseline and
 * digits of uneven sizes. Number {@code i} depends only on the seed and {@code i}.
 */
public final class NumberReadingBenchmark {
  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 6;

  /** How far apart neighbours are written, ink to ink. */
  public enum Gap {
    /** A third of the digits' height. */
    WIDE,
    /** A tenth of it: apart, but close. */
    NARROW,
    /** Strokes meet. */
    TOUCHING;

    int pixels(int height) {
      return switch (this) {
        case WIDE -> height / 3;
        case NARROW -> Math.max(2, height / 10);
        case TOUCHING -> -1;
      };
    }
  }

  /** Where the digits come from. */
  public enum Source {
    MNIST,
    PEN
  }

  /** One generated number. */
  public record Sample(String number, Gap gap, Source source, BufferedImage image) {}

  /** The share read exactly, overall and by length, gap and source. */
  public record Result(
      int count,
      int exact,
      Map<Integer, int[]> byLength,
      Map<Gap, int[]> byGap,
      Map<Source, int[]> bySource) {

    public double share() {
      return (double) exact / count;
    }
  }

  private final LabelledImages mnist;
  private final List<PenDigit> pen;

  /**
   * @param mnist the digits of MNIST to draw from (its test set)
   * @param pen the pen digits to draw from (of writers the model never saw)
   */
  public NumberReadingBenchmark(LabelledImages mnist, List<PenDigit> pen) {
    this.mnist = mnist;
    this.pen = List.copyOf(pen);
  }

  /** Number {@code index} of the seed's series: its source alternates, the rest is drawn. */
  public Sample sample(long seed, int index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    Source source = Source.values()[index % 2];
    Gap gap = Gap.values()[random.nextInt(Gap.values().length)];
    int length = random.nextInt(MIN_LENGTH, MAX_LENGTH + 1);
    int height = random.nextInt(60, 101);
    double slope = (random.nextDouble() * 2 - 1) * 0.08 * height;
    List<DigitGlyph> glyphs = new ArrayList<>(length);
    int[] gaps = new int[length];
    int[] drops = new int[length];
    for (int i = 0; i < length; i++) {
      int size = (int) Math.round(height * (0.85 + 0.3 * random.nextDouble()));
      glyphs.add(
          source == Source.MNIST
              ? mnistGlyph(random.nextInt(mnist.size()), size)
              : DigitGlyph.pen(pen.get(random.nextInt(pen.size())), size, random));
      gaps[i] = gap.pixels(height);
      drops[i] = (int) Math.round(i * slope + (random.nextDouble() * 2 - 1) * 0.04 * height);
    }
    return new Sample(
        NumberImages.number(glyphs), gap, source, NumberImages.compose(glyphs, gaps, drops));
  }

  private DigitGlyph mnistGlyph(int index, int height) {
    return DigitGlyph.mnist(mnist.images(), index, mnist.label(index), height);
  }

  /** Reads numbers 0 to {@code count - 1} of the seed's series. */
  public Result run(NumberReader reader, DigitClassifier classifier, int count, long seed)
      throws PreprocessingException {
    Map<Integer, int[]> byLength = new TreeMap<>();
    Map<Gap, int[]> byGap = new TreeMap<>();
    Map<Source, int[]> bySource = new TreeMap<>();
    int exact = 0;
    for (int i = 0; i < count; i++) {
      Sample sample = sample(seed, i);
      NumberReading reading = reader.read(classifier, p -> p.inkFromImage(sample.image()));
      int right = reading.number().equals(sample.number()) ? 1 : 0;
      exact += right;
      tally(byLength, sample.number().length(), right);
      tally(byGap, sample.gap(), right);
      tally(bySource, sample.source(), right);
    }
    return new Result(count, exact, byLength, byGap, bySource);
  }

  private static <K> void tally(Map<K, int[]> counts, K key, int right) {
    int[] count = counts.computeIfAbsent(key, k -> new int[2]);
    count[0] += right;
    count[1]++;
  }
}
