package dev.digits.cli;

import dev.digits.model.Architecture;
import dev.digits.model.TrainingConfig;
import dev.digits.model.TrainingConfig.Augmentation;
import dev.digits.model.TrainingConfig.Mixture;
import dev.digits.model.TrainingConfig.OptimizerKind;
import dev.digits.model.TrainingConfig.Schedule;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The flags that make up a training recipe; shared by {@code train} and {@code study}. */
final class TrainingOptions {
  @Option(
      names = "--arch",
      paramLabel = "NAME",
      description = "Architecture: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = ArchitectureNames.class,
      defaultValue = "lean-cnn")
  String architecture;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "30",
      description = "Passes over the training images. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "128",
      description = "Images per optimizer step. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--optimizer",
      paramLabel = "NAME",
      defaultValue = "adam",
      description = "adam or sgd (momentum 0.9). Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      defaultValue = "0.003",
      description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
  float learningRate;

  @Option(
      names = "--schedule",
      paramLabel = "NAME",
      defaultValue = "one-cycle",
      description =
          "Learning-rate schedule: one-cycle, cosine or constant. Default: ${DEFAULT-VALUE}.")
  String schedule;

  @Option(
      names = "--l1",
      paramLabel = "λ",
      defaultValue = "0",
      description =
          "L1 penalty λ·Σ|w| over conv and dense weights, added to the loss. Default: ${DEFAULT-VALUE}.")
  float l1;

  @Option(
      names = "--l2",
      paramLabel = "λ",
      defaultValue = "0",
      description =
          "L2 penalty λ·Σw² over conv and dense weights, added to the loss (not weight decay). Default: ${DEFAULT-VALUE}.")
  float l2;

  @Option(
      names = "--no-augment",
      description = "Train on the images as they are, without random distortions.")
  boolean noAugment;

  @Option(
      names = "--rotation",
      paramLabel = "DEGREES",
      defaultValue = "12",
      description = "Augmentation: maximum rotation either way. Default: ${DEFAULT-VALUE}.")
  float rotation;

  @Option(
      names = "--scale",
      paramLabel = "FRACTION",
      defaultValue = "0.12",
      description = "Augmentation: maximum relative size change. Default: ${DEFAULT-VALUE}.")
  float scale;

  @Option(
      names = "--shift",
      paramLabel = "PIXELS",
      defaultValue = "2.5",
      description = "Augmentation: maximum shift along each axis. Default: ${DEFAULT-VALUE}.")
  float shift;

  @Option(
      names = "--stroke",
      paramLabel = "PROBABILITY",
      defaultValue = "0.3",
      description =
          "Augmentation: probability of thickening or thinning the strokes. Default: ${DEFAULT-VALUE}.")
  float stroke;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Seed of every random choice; the same seed gives the same model. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--validation",
      paramLabel = "N",
      defaultValue = "5000",
      description =
          "Training images held out for validation (never the test set). Default: ${DEFAULT-VALUE}.")
  int validation;

  @Option(
      names = "--pen-renders",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Draw each pen digit of the training writers N times on the page's canvas, in random"
              + " styles, and train on them beside MNIST (0 = none). Default: ${DEFAULT-VALUE}.")
  int penRenders;

  @Option(
      names = "--non-digits",
      paramLabel = "N",
      defaultValue = "12000",
      description =
          "Train on N generated drawings that are not one digit (letters, symbols, scribbles,"
              + " dots, lines, shapes, several digits), so the model learns to decline them"
              + " (0 = a model without declines). Default: ${DEFAULT-VALUE}.")
  int nonDigits;

  @Option(
      names = "--validation-writers",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Pen writers held out to validate on, never trained on. Default: ${DEFAULT-VALUE}.")
  int validationWriters;

  @Option(
      names = "--mnist-only",
      description =
          "Train on MNIST alone, as models before pen digits and declining were: the same as"
              + " --pen-renders 0 --non-digits 0 --validation-writers 0.")
  boolean mnistOnly;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Train on only N images (0 = all); for quick experiments.")
  int limit;

  /** The recipe {@code digits train} uses when given no recipe flags. */
  static TrainingConfig defaultRecipe() {
    return CommandLine.populateCommand(new TrainingOptions()).toConfig();
  }

  /**
   * Refuses recipe flags (and {@code more} flags) next to {@code --resume}: a resumed run keeps the
   * recipe it started with.
   *
   * @param command a command with these options mixed in under the name {@code recipe}
   */
  static void rejectWithResume(CommandSpec command, String... more) {
    Set<String> refused =
        command.mixins().get("recipe").options().stream()
            .map(OptionSpec::longestName)
            .collect(Collectors.toCollection(HashSet::new));
    refused.addAll(List.of(more));
    command.commandLine().getParseResult().matchedOptions().stream()
        .map(OptionSpec::longestName)
        .filter(refused::contains)
        .findFirst()
        .ifPresent(
            flag -> {
              throw new IllegalArgumentException(
                  flag + " cannot be combined with --resume: a resumed run keeps its recipe");
            });
  }

  /**
   * The recipe these flags describe.
   *
   * @throws IllegalArgumentException naming the flag, when a value is out of range; {@link
   *     TrainingConfig} checks the same ranges, but its messages cannot know the flags
   */
  TrainingConfig toConfig() {
    Architecture.byId(architecture);
    requireAtLeast("--epochs", epochs, 1);
    requireAtLeast("--batch-size", batchSize, 1);
    requirePositive("--lr", learningRate);
    requireNonNegative("--l1", l1);
    requireNonNegative("--l2", l2);
    requireAtLeast("--validation", validation, 0);
    requireAtLeast("--limit", limit, 0);
    Augmentation augmentation =
        noAugment ? Augmentation.NONE : new Augmentation(rotation, scale, shift, stroke);
    if (rotation < 0 || scale < 0 || scale >= 1 || shift < 0 || stroke < 0 || stroke > 1) {
      throw new IllegalArgumentException(
          "augmentation needs rotation ≥ 0, 0 ≤ scale < 1, shift ≥ 0 and 0 ≤ stroke ≤ 1");
    }
    requireAtLeast("--pen-renders", penRenders, 0);
    requireAtLeast("--non-digits", nonDigits, 0);
    requireAtLeast("--validation-writers", validationWriters, 0);
    return TrainingConfig.builder()
        .architecture(architecture)
        .epochs(epochs)
        .batchSize(batchSize)
        .optimizer(parseEnum(OptimizerKind.class, optimizer, "--optimizer"))
        .learningRate(learningRate)
        .schedule(parseEnum(Schedule.class, schedule, "--schedule"))
        .penalties(l1, l2)
        .augmentation(augmentation)
        .seed(seed)
        .validationSize(validation)
        .trainingLimit(limit)
        .mixture(
            mnistOnly ? Mixture.MNIST_ONLY : new Mixture(penRenders, nonDigits, validationWriters))
        .build();
  }

  private static void requireAtLeast(String flag, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(flag + " must be ≥ " + minimum + ", got " + value);
    }
  }

  private static void requirePositive(String flag, float value) {
    if (!(value > 0) || !Float.isFinite(value)) {
      throw new IllegalArgumentException(flag + " must be a positive number, got " + value);
    }
  }

  private static void requireNonNegative(String flag, float value) {
    if (!(value >= 0) || !Float.isFinite(value)) {
      throw new IllegalArgumentException(flag + " must be a number ≥ 0, got " + value);
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String flag) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      StringBuilder known = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        known
            .append(known.length() == 0 ? "" : ", ")
            .append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new IllegalArgumentException(
          flag + " must be one of " + known + ", not '" + value + "'");
    }
  }

  /** Lets picocli list the architecture names in help. */
  static final class ArchitectureNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Architecture.values()).map(Architecture::id).iterator();
    }
  }
}
