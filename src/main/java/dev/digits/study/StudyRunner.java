package dev.digits.study;

import dev.digits.data.MnistDataset;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.training.Checkpoint;
import dev.digits.training.ModelTrainer;
import dev.digits.training.TrainingOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Runs a study in a folder: trains each variant that has no model file yet (resuming the one with a
 * checkpoint), then evaluates all four on the test set and writes {@value #JSON_FILE} and {@value
 * #HTML_FILE}.
 *
 * <p>The folder is the study's whole state, so a run stopped at any point continues where it
 * stopped: finished variants are recognised by their model files (and refused if their recipe is
 * not this study's), the interrupted one resumes from its checkpoint exactly. For the same reason
 * the variants can be trained by separate processes sharing the folder, each given its own variants
 * ({@link #run(Set, BooleanSupplier)}): whichever finds all four model files there when it is done
 * writes the report. Model files and the report are written atomically, so a process never reads
 * half of another's.
 */
public final class StudyRunner {
  /** The study's numbers. */
  public static final String JSON_FILE = "study.json";

  /** The study's self-contained report page. */
  public static final String HTML_FILE = "index.html";

  private final StudyPlan plan;
  private final MnistDataset data;
  private final Path folder;
  private final StudyListener listener;

  /**
   * @param plan what to train
   * @param mnist the data; the plan's test limit is applied here
   * @param folder where the models, checkpoints and report go
   * @param listener hears about progress
   */
  public StudyRunner(StudyPlan plan, MnistDataset mnist, Path folder, StudyListener listener) {
    this.plan = plan;
    this.data =
        plan.testLimit() == 0
            ? mnist
            : new MnistDataset(mnist.train(), mnist.test().first(plan.testLimit()), mnist.sha256());
    this.folder = folder;
    this.listener = listener;
  }

  /**
   * Trains what is missing and writes the report, or stops early when {@code stopRequested} turns
   * true (after checkpointing the variant in training).
   *
   * @return the report, or empty when the run stopped before every variant was trained
   */
  public Optional<StudyReport> run(BooleanSupplier stopRequested) throws IOException {
    return run(EnumSet.allOf(Variant.class), stopRequested);
  }

  /**
   * Trains those of {@code variants} that are missing, then writes the report if the folder holds
   * all four models by then.
   *
   * @return the report, or empty when the run stopped or other variants are still {@link #missing}
   */
  public Optional<StudyReport> run(Set<Variant> variants, BooleanSupplier stopRequested)
      throws IOException {
    claimFolder();
    for (Variant variant : Variant.values()) {
      if (variants.contains(variant) && !ensureTrained(variant, stopRequested)) {
        return Optional.empty();
      }
    }
    if (!missing().isEmpty()) {
      return Optional.empty();
    }
    listener.analysing();
    List<VariantResult> results = new ArrayList<>();
    for (Variant variant : Variant.values()) {
      if (!variants.contains(variant)) {
        verified(variant, modelFile(variant)); // trained by another process: is it this study's?
      }
      results.add(VariantResult.of(variant, modelFile(variant), data.test()));
    }
    ModelMetadata.DataProvenance trained = ModelFile.readMetadata(modelFile(Variant.NONE)).data();
    StudyReport report =
        StudyReport.of(
            plan,
            trained.trainingExamples(),
            trained.validationExamples(),
            results,
            data.test().size());
    AtomicFiles.write(folder.resolve(JSON_FILE), Json.mapper().writeValueAsBytes(report));
    AtomicFiles.write(
        folder.resolve(HTML_FILE),
        ReportPage.render(report, data.test()).getBytes(StandardCharsets.UTF_8));
    return Optional.of(report);
  }

  /** The variants whose model files are not in the folder (yet), in the study's order. */
  public List<Variant> missing() {
    return Arrays.stream(Variant.values())
        .filter(variant -> !Files.exists(modelFile(variant)))
        .toList();
  }

  /** The model file of a variant in the study folder. */
  private Path modelFile(Variant variant) {
    return folder.resolve(variant.fileName());
  }

  /** The checkpoint of a variant in training. */
  private Path checkpointFile(Variant variant) {
    return folder.resolve(variant.fileName() + ".ckpt");
  }

  private void claimFolder() throws IOException {
    Optional<StudyPlan> saved = StudyPlan.load(folder);
    if (saved.isEmpty()) {
      plan.save(folder);
    } else if (!saved.get().equals(plan)) {
      throw new IllegalArgumentException(
          folder
              + " holds a study with another recipe ("
              + saved.get().summary()
              + "); continue it with --resume, or choose another --output");
    }
  }

  /** Makes sure the variant's model file exists; false when the run was stopped. */
  private boolean ensureTrained(Variant variant, BooleanSupplier stopRequested) throws IOException {
    Path file = modelFile(variant);
    if (Files.exists(file)) {
      listener.reused(variant, verified(variant, file));
      return true;
    }
    TrainingConfig config = plan.config(variant);
    Path checkpoint = checkpointFile(variant);
    Checkpoint resumeFrom = Files.exists(checkpoint) ? Checkpoint.load(checkpoint) : null;
    ModelTrainer trainer =
        new ModelTrainer(config, data, listener.training(variant, config, resumeFrom != null));
    try (TrainingOutcome outcome = trainer.train(checkpoint, resumeFrom, stopRequested)) {
      if (!outcome.completed()) {
        return false;
      }
      ModelMetadata model =
          trainer.saveModel(outcome, file, variant.modelName(), description(variant, config));
      Files.deleteIfExists(checkpoint);
      listener.saved(variant, file, model);
      return true;
    }
  }

  /** The metadata of a finished variant's model file, after checking it belongs to this study. */
  private ModelMetadata verified(Variant variant, Path file) throws IOException {
    ModelMetadata model = ModelFile.readMetadata(file);
    boolean sameRecipe = model.training().equals(plan.config(variant));
    boolean sameData =
        model.data().sha256().equals(data.sha256())
            && model.data().testExamples() == data.test().size();
    if (!sameRecipe || !sameData) {
      throw new IllegalArgumentException(
          file
              + " was trained with another "
              + (sameRecipe ? "data set" : "recipe")
              + " than this study's; delete it to train it again, or choose another --output");
    }
    return model;
  }

  private static String description(Variant variant, TrainingConfig config) {
    String penalties =
        switch (variant) {
          case NONE -> "without regularization";
          case L1 -> "with L1 regularization (λ₁ = " + config.l1() + ")";
          case L2 -> "with L2 regularization (λ₂ = " + config.l2() + ")";
          case L1_L2 ->
              "with L1 and L2 regularization (λ₁ = " + config.l1() + ", λ₂ = " + config.l2() + ")";
        };
    return config.architecture() + " " + penalties + ", from the regularization study";
  }
}
