package dev.digits.training;

import dev.digits.corpus.MnistGlyphs;
import dev.digits.corpus.NonDigitKind;
import dev.digits.corpus.NonDigits;
import dev.digits.corpus.PenStyle;
import dev.digits.corpus.Renderings;
import dev.digits.corpus.WriterSplit;
import dev.digits.data.LabelledImages;
import dev.digits.data.PenDigit;
import dev.digits.data.PenDigits;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Mixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run trains and validates on, made before its first epoch: MNIST's training split,
 * the training writers' pen digits drawn on the canvas, generated non-digits; and to validate,
 * MNIST's held-out images, the held-out writers' digits and more non-digits.
 *
 * <p>Training examples depend on the run's seed. Validation examples depend only on the data and a
 * fixed seed, so runs with different seeds are measured on the same drawings. Nothing of a held-out
 * writer, nor MNIST's validation images, is in any training example, generated several-digit
 * drawings included.
 */
final class TrainingExamples {
  /** Each trained kind's share of the generated non-digits. */
  static final Map<NonDigitKind, Double> KIND_WEIGHTS = kindWeights();

  /** Drawings of each validation writer's digit. */
  static final int PEN_VALIDATION_RENDERS = 2;

  /** Generated non-digits that validate, when a run generates any. */
  static final int NON_DIGIT_VALIDATION = 3000;

  /** MNIST glyphs several-digit drawings draw from, per side of the split. */
  private static final int MNIST_GLYPHS = 3000;

  private static final long VALIDATION_SEED = 0x7A11_DA7E_5EEDL;

  final List<BatchSource.Part> training;
  final BatchSource.Part mnistValidation;
  final LabelledImages penValidation;
  final LabelledImages nonDigitValidation;
  final WriterSplit writers;
  private final TrainingSources sources;
  private final Mixture mixture;

  private TrainingExamples(
      List<BatchSource.Part> training,
      BatchSource.Part mnistValidation,
      LabelledImages penValidation,
      LabelledImages nonDigitValidation,
      WriterSplit writers,
      TrainingSources sources,
      Mixture mixture) {
    this.training = List.copyOf(training);
    this.mnistValidation = mnistValidation;
    this.penValidation = penValidation;
    this.nonDigitValidation = nonDigitValidation;
    this.writers = writers;
    this.sources = sources;
    this.mixture = mixture;
  }

  /** Makes the examples of a run; drawing them shows progress through {@code listener}. */
  static TrainingExamples prepare(
      TrainingConfig config, TrainingSources sources, DataSplit split, TrainingListener listener) {
    Mixture mixture = config.mixture();
    TrainingExamples validation = validation(mixture, sources, split, listener);
    List<BatchSource.Part> training = new ArrayList<>();
    training.add(new BatchSource.Part("MNIST", sources.mnist().train(), split.train()));
    if (mixture.penRenders() > 0) {
      List<PenDigit> digits = validation.writers.trainingDigits(sources.penDigits());
      training.add(
          BatchSource.Part.all(
              "pen digits",
              Renderings.penDigits(
                  digits,
                  mixture.penRenders(),
                  PenStyle.PAGE,
                  Seeds.mix(config.seed(), 10),
                  progress(listener, "pen digits", digits.size() * mixture.penRenders()))));
    }
    if (mixture.declines()) {
      NonDigits generator =
          new NonDigits(
              require(sources.fonts(), "fonts"),
              validation.writers.trainingDigits(sources.penDigits()),
              new MnistGlyphs(sources.mnist().train(), first(split.train(), MNIST_GLYPHS)),
              PenStyle.PAGE);
      training.add(
          BatchSource.Part.all(
              "non-digits",
              nonDigits(
                      generator,
                      mixture.nonDigits(),
                      Seeds.mix(config.seed(), 11),
                      progress(listener, "non-digits", mixture.nonDigits()))
                  .examples()));
    }
    return new TrainingExamples(
        training,
        validation.mnistValidation,
        validation.penValidation,
        validation.nonDigitValidation,
        validation.writers,
        sources,
        mixture);
  }

  /**
   * The validation data alone, for calibrating a model trained before: MNIST's held-out images, the
   * held-out writers' pen digits (for a recipe without pen digits, those of the default recipe's
   * held-out writers, whom such a model never saw either) and, for a recipe that declines,
   * validation non-digits.
   */
  static TrainingExamples validationOnly(
      TrainingConfig config, TrainingSources sources, DataSplit split, TrainingListener listener) {
    Mixture mixture = config.mixture();
    int writers =
        mixture.usesPenDigits()
            ? mixture.validationWriters()
            : TrainingConfig.DEFAULT.mixture().validationWriters();
    return validation(new Mixture(0, mixture.nonDigits(), writers), sources, split, listener);
  }

  /**
   * The validation examples of a mixture: fixed by the data and a fixed seed, never by a run's
   * seed; no part of them is ever trained on.
   */
  private static TrainingExamples validation(
      Mixture mixture, TrainingSources sources, DataSplit split, TrainingListener listener) {
    BatchSource.Part mnistValidation =
        new BatchSource.Part("MNIST validation", sources.mnist().train(), split.validation());
    if (!mixture.usesPenDigits()) {
      return new TrainingExamples(List.of(), mnistValidation, null, null, null, sources, mixture);
    }
    PenDigits pen = require(sources.penDigits(), "pen digits");
    WriterSplit writers = WriterSplit.of(pen, mixture.validationWriters());
    List<PenDigit> validationDigits = writers.validationDigits(pen);
    LabelledImages penValidation =
        validationDigits.isEmpty()
            ? null
            : Renderings.penDigits(
                validationDigits,
                PEN_VALIDATION_RENDERS,
                PenStyle.PAGE,
                VALIDATION_SEED,
                progress(
                    listener,
                    "validation pen digits",
                    validationDigits.size() * PEN_VALIDATION_RENDERS));
    LabelledImages nonDigitValidation = null;
    if (mixture.declines() && !validationDigits.isEmpty() && split.validation().length > 0) {
      require(sources.fonts(), "fonts");
      nonDigitValidation =
          nonDigits(
                  validationGenerator(sources, writers, split),
                  NON_DIGIT_VALIDATION,
                  VALIDATION_SEED,
                  progress(listener, "validation non-digits", NON_DIGIT_VALIDATION))
              .examples();
    }
    return new TrainingExamples(
        List.of(), mnistValidation, penValidation, nonDigitValidation, writers, sources, mixture);
  }

  /**
   * The generator of validation non-digits: several-digit drawings made of the held-out writers'
   * digits and MNIST's validation images only.
   */
  static NonDigits validationGenerator(
      TrainingSources sources, WriterSplit writers, DataSplit split) {
    return new NonDigits(
        sources.fonts(),
        writers.validationDigits(sources.penDigits()),
        new MnistGlyphs(sources.mnist().train(), first(split.validation(), MNIST_GLYPHS)),
        PenStyle.PAGE);
  }

  /** {@code count} non-digits of the trained kinds, in their shares. */
  static Renderings.NonDigitExamples nonDigits(
      NonDigits generator, int count, long seed, java.util.function.IntConsumer progress) {
    List<NonDigitKind> kinds = new ArrayList<>(KIND_WEIGHTS.keySet());
    double[] weights = kinds.stream().mapToDouble(KIND_WEIGHTS::get).toArray();
    return Renderings.nonDigits(generator, kinds, weights, count, seed, progress);
  }

  /** Training examples per epoch, of every part. */
  int trainingCount() {
    return training.stream().mapToInt(part -> part.indices().length).sum();
  }

  /** What the model file records about the data beyond MNIST. */
  ModelMetadata.PenDigitProvenance penProvenance() {
    if (writers == null) {
      return null;
    }
    PenDigits pen = sources.penDigits();
    int trained =
        training.stream()
            .filter(part -> part.name().equals("pen digits"))
            .mapToInt(part -> part.indices().length)
            .sum();
    return new ModelMetadata.PenDigitProvenance(
        pen.source(),
        pen.sha256(),
        pen.sha256().equals(PenDigits.BUNDLED_SHA256) ? PenDigits.BUNDLED_CREDIT : pen.source(),
        List.copyOf(writers.training()),
        List.copyOf(writers.validation()),
        trained,
        penValidation == null ? 0 : penValidation.size(),
        styleOf(PenStyle.PAGE));
  }

  /** What the model file records about the generated non-digits. */
  ModelMetadata.NonDigitProvenance nonDigitProvenance() {
    if (!mixture.declines()) {
      return null;
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    KIND_WEIGHTS.forEach((kind, weight) -> weights.put(kind.id(), weight));
    List<String> heldOut =
        Arrays.stream(NonDigitKind.values())
            .filter(NonDigitKind::heldOut)
            .map(NonDigitKind::id)
            .toList();
    return new ModelMetadata.NonDigitProvenance(
        weights,
        heldOut,
        mixture.nonDigits(),
        nonDigitValidation == null ? 0 : nonDigitValidation.size(),
        sources.fonts().sha256());
  }

  static Map<String, Double> styleOf(PenStyle style) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("minSize", (double) style.minSize());
    values.put("maxSize", (double) style.maxSize());
    values.put("minPen", style.minPen());
    values.put("maxPen", style.maxPen());
    values.put("maxPenShare", style.maxPenShare());
    values.put("maxSlantDegrees", style.maxSlantDegrees());
    values.put("maxRotationDegrees", style.maxRotationDegrees());
    values.put("maxStretch", style.maxStretch());
    values.put("maxWobble", style.maxWobble());
    return values;
  }

  private static Map<NonDigitKind, Double> kindWeights() {
    Map<NonDigitKind, Double> weights = new LinkedHashMap<>();
    weights.put(NonDigitKind.LETTER, 0.22);
    weights.put(NonDigitKind.SYMBOL, 0.09);
    weights.put(NonDigitKind.SCRIBBLE, 0.12);
    weights.put(NonDigitKind.DOT, 0.05);
    weights.put(NonDigitKind.LINE, 0.06);
    weights.put(NonDigitKind.SHAPE, 0.09);
    weights.put(NonDigitKind.STROKES, 0.10);
    weights.put(NonDigitKind.SEVERAL_DIGITS, 0.27);
    return java.util.Collections.unmodifiableMap(weights);
  }

  private static java.util.function.IntConsumer progress(
      TrainingListener listener, String what, int total) {
    return done -> listener.examplesDrawn(what, done, total);
  }

  private static int[] first(int[] indices, int count) {
    return Arrays.copyOf(indices, Math.min(count, indices.length));
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("the recipe's mixture needs " + what + ", none given");
    }
    return value;
  }
}
