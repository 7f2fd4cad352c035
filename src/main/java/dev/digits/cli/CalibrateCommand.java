package dev.digits.cli;

import dev.digits.corpus.FontGlyphs;
import dev.digits.data.MnistDataset;
import dev.digits.data.PenDigits;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.Inference;
import dev.digits.model.LoadedModel;
import dev.digits.model.ModelMetadata;
import dev.digits.training.ModelCalibration;
import dev.digits.training.TrainingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code digits calibrate}: fits a trained model's temperature and decision thresholds on its
 * validation data and writes the model file with them; the weights stay exactly as they were.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fit a model's temperature and decision thresholds on its validation data (MNIST's held-out"
          + " images, pen digits of writers it never saw, and for a model that declines,"
          + " validation non-digits) and write the model file with them. The weights are not"
          + " changed. 'digits train' does this itself; use it for models trained before."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "MODEL", description = "A model file, or the name of a bundled model.")
  String model;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the calibrated model. Default: MODEL itself, when it is a file.")
  Path output;

  @Mixin DataOptions data;
  @Mixin ThreadOptions threads;

  @Override
  public Integer call() throws Exception {
    ModelArgument.requireExists(model);
    Path target = output;
    if (target == null) {
      // No such file, yet it exists: the name of a bundled model, which is read from the jar.
      if (!Files.exists(Path.of(model))) {
        throw new IllegalArgumentException(
            "'" + model + "' is a bundled model: give --output FILE for the calibrated copy");
      }
      target = Path.of(model);
    }
    DjlEnvironment.configure(threads.threads);
    MnistDataset mnist = data.load();
    try (LoadedModel loaded = ModelArgument.load(model)) {
      ModelMetadata metadata = loaded.metadata();
      TrainingSources sources =
          new TrainingSources(
              mnist,
              PenDigits.bundled(),
              metadata.declines() ? FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY) : null);
      ModelMetadata.Calibration calibration;
      try (Inference raw = loaded.uncalibratedInference()) {
        calibration =
            ModelCalibration.fit(raw, metadata.training(), sources, ConsoleProgress.onStderr(""));
      }
      loaded.saveAs(target, metadata.withCalibration(calibration));
      System.out.printf(
          Locale.ROOT,
          "wrote %s: temperature %.3f, %s %.4f, unsure below %.4f%n",
          target,
          calibration.temperature(),
          metadata.declines() ? "decline at" : "not a digit below",
          calibration.declineThreshold(),
          calibration.unsureThreshold());
      for (Map.Entry<String, Double> figure : calibration.validation().entrySet()) {
        System.out.printf(Locale.ROOT, "  %-28s %.4f%n", figure.getKey(), figure.getValue());
      }
    }
    return 0;
  }
}
