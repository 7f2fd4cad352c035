package dev.digits.study;

import com.fasterxml.jackson.core.JacksonException;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.model.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a study trains: one recipe, and the two penalty strengths its variants switch on. Saved in
 * the study folder as {@value #FILE_NAME} when the study starts, so that {@code --resume} knows the
 * recipe and a rerun with other flags is refused instead of mixing two studies in one folder.
 *
 * @param recipe everything the four variants share; its own L1 and L2 strengths are 0
 * @param l1 λ of the L1 penalty in the L1 and L1+L2 variants
 * @param l2 λ of the L2 penalty in the L2 and L1+L2 variants
 * @param testLimit evaluate on only the first this many test images (0 = all 10,000)
 */
public record StudyPlan(TrainingConfig recipe, float l1, float l2, int testLimit) {
  /** Name of the plan's file in the study folder. */
  public static final String FILE_NAME = "study-plan.json";

  public StudyPlan {
    if (!(l1 > 0) || !(l2 > 0) || !Float.isFinite(l1) || !Float.isFinite(l2)) {
      throw new IllegalArgumentException(
          "the study needs L1 and L2 strengths > 0 (otherwise two variants are the same), got "
              + l1
              + " and "
              + l2);
    }
    if (testLimit < 0) {
      throw new IllegalArgumentException("test limit must be ≥ 0, got " + testLimit);
    }
    recipe = recipe.withPenalties(0, 0);
  }

  /** The recipe of one variant: the shared one with that variant's penalties. */
  public TrainingConfig config(Variant variant) {
    return recipe.withPenalties(variant.usesL1() ? l1 : 0, variant.usesL2() ? l2 : 0);
  }

  /** One line for people: the shared recipe and the strengths. */
  public String summary() {
    TrainingConfig r = recipe;
    return String.format(
        Locale.ROOT,
        "%s, %d epoch%s of %s training images, batch %d, %s lr %s %s, augmentation %s, seed %d;"
            + " L1 λ %s, L2 λ %s; %s test images",
        r.architecture(),
        r.epochs(),
        r.epochs() == 1 ? "" : "s",
        r.trainingLimit() == 0 ? "all" : Integer.toString(r.trainingLimit()),
        r.batchSize(),
        r.optimizer().name().toLowerCase(Locale.ROOT),
        r.learningRate(),
        r.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        r.augmentation().enabled() ? "on" : "off",
        r.seed(),
        l1,
        l2,
        testLimit == 0 ? "all" : Integer.toString(testLimit));
  }

  /** Writes the plan into {@code folder}. */
  public void save(Path folder) throws IOException {
    AtomicFiles.write(folder.resolve(FILE_NAME), Json.mapper().writeValueAsBytes(this));
  }

  /** The plan saved in {@code folder}, if a study was started there. */
  public static Optional<StudyPlan> load(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(file.toFile(), StudyPlan.class));
    } catch (JacksonException e) {
      throw new IOException(file + ": unreadable study plan (" + e.getOriginalMessage() + ")");
    }
  }
}
