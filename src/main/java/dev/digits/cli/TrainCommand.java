package dev.digits.cli;

import dev.digits.data.MnistDataset;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.TrainingConfig;
import dev.digits.training.Checkpoint;
import dev.digits.training.ModelTrainer;
import dev.digits.training.TrainingOutcome;
import dev.digits.training.TrainingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits train}: trains a model and writes a model file with its metadata. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a network on MNIST and write a model file (weights + metadata).",
      "Ctrl-C stops after saving a checkpoint; --resume continues from it."
    })
final class TrainCommand implements Callable<Integer> {
  @Mixin TrainingOptions recipe;
  @Mixin DataOptions data;
  @Mixin ThreadOptions threads;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "out/digits.model",
      description = "Model file to write. Default: ${DEFAULT-VALUE}.")
  Path output;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Model name shown by the server. Default: the output file's name without extension.")
  String name;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "One sentence about the model.")
  String description;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "Checkpoint file, written after every epoch and on Ctrl-C. Default: OUTPUT.ckpt.")
  Path checkpoint;

  @Option(
      names = "--resume",
      description =
          "Continue the run saved in the checkpoint, with its recipe; no recipe flags allowed.")
  boolean resume;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path checkpointFile = checkpoint != null ? checkpoint : Path.of(output + ".ckpt");
    Checkpoint resumeFrom = null;
    TrainingConfig config;
    if (resume) {
      TrainingOptions.rejectWithResume(spec);
      resumeFrom = Checkpoint.load(checkpointFile);
      config = resumeFrom.state().config();
    } else {
      config = recipe.toConfig();
    }
    String modelName = name != null ? name : stripExtension(output.getFileName().toString());
    DjlEnvironment.configure(threads.threads);
    MnistDataset mnist = data.load();
    ModelTrainer trainer =
        new ModelTrainer(
            config,
            TrainingSources.forMixture(mnist, config.mixture()),
            ConsoleProgress.onStderr(""));
    System.err.printf(
        Locale.ROOT,
        "training %s: %d epochs of %d MNIST images (%d held out for validation)%s, batch %d, %s,"
            + " lr %s %s, L1 %s, L2 %s, augmentation %s, seed %d%n",
        config.architecture(),
        config.epochs(),
        trainer.split().train().length,
        trainer.split().validation().length,
        mixture(config.mixture()),
        config.batchSize(),
        config.optimizer().name().toLowerCase(Locale.ROOT),
        config.learningRate(),
        config.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        config.l1(),
        config.l2(),
        config.augmentation().enabled() ? "on" : "off",
        config.seed());
    try (Interruption interruption = Interruption.onCtrlC();
        TrainingOutcome outcome =
            trainer.train(checkpointFile, resumeFrom, interruption::requested)) {
      if (!outcome.completed()) {
        System.err.println(
            "resume with: digits train --resume --output "
                + output
                + (checkpoint != null ? " --checkpoint " + checkpoint : ""));
        interruption.finished();
        return 130;
      }
      ModelMetadata metadata =
          trainer.saveModel(
              outcome,
              output,
              modelName,
              description != null ? description : defaultDescription(config));
      Files.deleteIfExists(checkpointFile);
      System.out.printf(
          Locale.ROOT,
          "wrote %s: %s, %,d parameters, test accuracy %.2f%% (loss %.4f)%s, trained in %s%n",
          output,
          metadata.architecture(),
          metadata.parameterCount(),
          100 * metadata.metrics().testAccuracy(),
          metadata.metrics().testLoss(),
          metadata.metrics().testAcceptedAccuracy() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", %.2f%% counting declines as mistakes (%.2f%% declined)",
                  100 * metadata.metrics().testAcceptedAccuracy(),
                  100 * metadata.metrics().testDeclineRate()),
          Durations.format(metadata.metrics().trainingSeconds()));
      return 0;
    }
  }

  private static String mixture(TrainingConfig.Mixture mixture) {
    if (!mixture.usesPenDigits()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        " + pen digits drawn %d× (%d writers held out) + %,d generated non-digits",
        mixture.penRenders(),
        mixture.validationWriters(),
        mixture.nonDigits());
  }

  private static String defaultDescription(TrainingConfig config) {
    String penalties = config.regularization();
    return config.architecture()
        + " trained on MNIST"
        + (config.mixture().usesPenDigits() ? ", pen digits and non-digits " : " ")
        + (penalties.equals("none")
            ? "without L1 or L2 penalty"
            : "with an " + penalties + " penalty")
        + ", "
        + config.epochs()
        + " epochs";
  }

  private static String stripExtension(String fileName) {
    return fileName.endsWith(ModelFile.EXTENSION)
        ? fileName.substring(0, fileName.length() - ModelFile.EXTENSION.length())
        : fileName;
  }
}
