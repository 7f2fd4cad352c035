package dev.digits.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.digits.data.MnistDataset;
import dev.digits.evaluation.Calibrations;
import dev.digits.evaluation.Declines;
import dev.digits.evaluation.EvaluationResult;
import dev.digits.evaluation.Evaluator;
import dev.digits.model.Architecture;
import dev.digits.model.DecisionRule;
import dev.digits.model.Inference;
import dev.digits.model.ModelFile;
import dev.digits.model.ModelMetadata;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.ModelMetadata.InputSpec;
import dev.digits.model.OutputClasses;
import dev.digits.model.TrainingConfig;
import dev.digits.model.WeightStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains one network: on MNIST, and for a recipe with a mixture also on real writers' pen digits
 * and generated non-digits ({@link TrainingExamples}); the epoch loop, validation after each epoch,
 * checkpoints after each epoch and whenever a stop is requested, resumption from a checkpoint, and
 * at the end the calibration of confidences and declines on the validation data.
 *
 * <p>The loop is DJL's own {@link Trainer} with a {@link GradientCollector}, a cross-entropy loss
 * plus the L1/L2 {@link Penalties}, and the checkpointable {@link TrainingOptimizer}. Each step
 * runs inside an {@link NDScope}, so every array it makes — activations, losses, and the penalty
 * terms computed from parameters — is freed when the step ends.
 */
public final class ModelTrainer {
  private static final InputSpec INPUT = InputSpec.MNIST;

  private final TrainingConfig config;
  private final TrainingSources sources;
  private final MnistDataset data;
  private final TrainingListener listener;
  private final DataSplit split;
  private final int outputs;

  /** Examples of the run, made when it starts. */
  private TrainingExamples examples;

  public ModelTrainer(TrainingConfig config, TrainingSources sources, TrainingListener listener) {
    this.config = config;
    this.sources = sources;
    this.data = sources.mnist();
    this.listener = listener;
    this.split = DataSplit.of(data.train().size(), config.validationSize(), config.trainingLimit());
    this.outputs =
        config.mixture().declines()
            ? OutputClasses.WITH_DECLINES.size()
            : OutputClasses.DIGITS_ONLY.size();
  }

  /** A trainer on MNIST alone (its recipe must have no mixture). */
  public ModelTrainer(TrainingConfig config, MnistDataset data, TrainingListener listener) {
    this(config, TrainingSources.mnistOnly(data), listener);
  }

  /** The MNIST images this run trains and validates on. */
  public DataSplit split() {
    return split;
  }

  /**
   * Runs training to the end, or until {@code stopRequested} turns true, checkpointing to {@code
   * checkpointFile} after every epoch and on a stop.
   *
   * @param resumeFrom a checkpoint of this same run to continue, or {@code null} to start afresh
   * @return the outcome; the caller closes it
   */
  public TrainingOutcome train(
      Path checkpointFile, Checkpoint resumeFrom, BooleanSupplier stopRequested)
      throws IOException {
    Architecture architecture = Architecture.byId(config.architecture());
    if (examples == null) {
      examples = TrainingExamples.prepare(config, sources, split, listener);
    }
    Engine.getInstance().setRandomSeed((int) Seeds.mix(config.seed(), 0));
    Model model = Model.newInstance(architecture.id());
    boolean handedOver = false;
    try (BatchSource batches =
        new BatchSource(
            examples.training, config.batchSize(), config.augmentation(), INPUT, config.seed())) {
      model.setBlock(architecture.newBlock(outputs));
      int batchesPerEpoch = batches.batchesPerEpoch();
      TrainingOptimizer optimizer =
          new TrainingOptimizer(
              config.optimizer(),
              new LearningRateSchedule(
                  config.schedule(),
                  config.learningRate(),
                  (long) config.epochs() * batchesPerEpoch));
      DefaultTrainingConfig trainingConfig =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        trainer.initialize(Architecture.INPUT_SHAPE);
        optimizer.attach(model.getBlock());
        Run run = new Run(model, trainer, optimizer, batches, checkpointFile);
        if (resumeFrom != null) {
          run.restore(resumeFrom);
        }
        TrainingOutcome outcome = run.loop(stopRequested);
        handedOver = true;
        return outcome;
      }
    } finally {
      if (!handedOver) {
        model.close();
      }
    }
  }

  /**
   * Calibrates a finished run on the validation data, evaluates it on the official test set, writes
   * the model file with its full metadata, and returns that metadata.
   */
  public ModelMetadata saveModel(
      TrainingOutcome outcome, Path file, String name, String description) throws IOException {
    Model model = outcome.model();
    ModelMetadata.Calibration calibration;
    EvaluationResult test;
    try (Inference network = snapshot(model)) {
      calibration = ModelCalibration.fit(network, examples, sources, split, listener);
      test =
          Calibrations.atTemperature(
              Evaluator.evaluate(network, data.test()), calibration.temperature());
    }
    ModelMetadata.Builder metadata =
        ModelMetadata.builder()
            .name(name)
            .description(description)
            .architecture(config.architecture())
            .parameterCount(ModelFile.trainableParameterCount(model.getBlock()))
            .input(INPUT)
            .outputs(OutputClasses.named(outputs))
            .training(config)
            .data(
                new ModelMetadata.DataProvenance(
                    data.sha256(),
                    split.train().length,
                    split.validation().length,
                    data.test().size(),
                    examples.penProvenance(),
                    examples.nonDigitProvenance()))
            .history(outcome.history())
            .createdAt(Instant.now().toString())
            .gitCommit(Provenance.gitCommit())
            .software(Provenance.software())
            .calibration(calibration);
    List<EpochRecord> history = outcome.history();
    EpochRecord last = history.isEmpty() ? null : history.get(history.size() - 1);
    Declines testDeclines = Declines.of(test, DecisionRule.of(metadata.build()));
    metadata.metrics(
        new ModelMetadata.Metrics(
            last == null ? null : last.validationAccuracy(),
            last == null ? null : last.validationLoss(),
            test.accuracy(),
            test.meanLoss(),
            history.size(),
            outcome.trainingSeconds(),
            WeightStatistics.of(model.getBlock()).nearZeroFraction(),
            last == null ? null : last.penValidationAccuracy(),
            testDeclines.acceptedAccuracy(),
            testDeclines.declinedShare()));
    return ModelFile.save(file, model.getBlock(), metadata.build());
  }

  /** The network as it is now, ready to answer; the caller closes it. */
  private Inference snapshot(Model model) {
    return new Inference(
        Architecture.byId(config.architecture()), model.getBlock(), INPUT, model.getNDManager());
  }

  /** The mutable state of one run, kept apart from the trainer's fixed setup. */
  private final class Run {
    private final Model model;
    private final Trainer trainer;
    private final TrainingOptimizer optimizer;
    private final BatchSource batches;
    private final Path checkpointFile;
    private final Penalties penalties;
    private final List<EpochRecord> history = new ArrayList<>();

    /** The 0-based epoch in progress. */
    private int epoch;

    /** Batches of that epoch already done. */
    private int batch;

    private EpochTotals totals = EpochTotals.EMPTY;
    private double earlierSeconds;

    Run(Model model, Trainer trainer, TrainingOptimizer optimizer, BatchSource batches, Path file) {
      this.model = model;
      this.trainer = trainer;
      this.optimizer = optimizer;
      this.batches = batches;
      this.checkpointFile = file;
      this.penalties = new Penalties(config.l1(), config.l2(), model.getBlock());
    }

    void restore(Checkpoint checkpoint) throws IOException {
      Checkpoint.State state = checkpoint.state();
      if (!state.config().equals(config)) {
        throw new IllegalArgumentException(
            "the checkpoint was made with a different training configuration; resume it without"
                + " changing any training flag");
      }
      if (!state.dataSha256().equals(data.sha256())) {
        throw new IllegalArgumentException("the checkpoint was trained on different data files");
      }
      ModelFile.copyWeightsInto(
          model.getBlock(),
          Architecture.byId(config.architecture()),
          outputs,
          checkpoint.weights(),
          "checkpoint");
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(checkpoint.optimizer()))) {
        optimizer.load(in);
      }
      epoch = state.epoch();
      batch = state.batch();
      totals = state.epochTotals();
      history.addAll(state.history());
      earlierSeconds = state.trainingSeconds();
    }

    TrainingOutcome loop(BooleanSupplier stopRequested) throws IOException {
      int epochs = config.epochs();
      int perEpoch = batches.batchesPerEpoch();
      long started = System.nanoTime();
      listener.started(progress());
      while (epoch < epochs) {
        while (batch < perEpoch) {
          if (stopRequested.getAsBoolean()) {
            writeCheckpoint(totalSeconds(started));
            listener.checkpointWritten(checkpointFile, true);
            return new TrainingOutcome(model, List.copyOf(history), totalSeconds(started), false);
          }
          step(batches.next(epoch, batch));
          batch++;
          listener.batchFinished(progress());
        }
        try (Inference network = snapshot(model)) {
          history.add(validate(network));
          epoch++;
          batch = 0;
          totals = EpochTotals.EMPTY;
          double eta = totalSeconds(started) / history.size() * (epochs - epoch);
          listener.epochFinished(history.get(history.size() - 1), epochs, eta);
          listener.networkAfterEpoch(epoch, network);
        }
        if (epoch < epochs) {
          writeCheckpoint(totalSeconds(started));
        }
      }
      return new TrainingOutcome(model, List.copyOf(history), totalSeconds(started), true);
    }

    private void step(BatchSource.Batch next) {
      long begin = System.nanoTime();
      // Dropout draws from the engine's generator; reseeding per batch keeps resumed runs exact.
      Engine.getInstance()
          .setRandomSeed((int) Seeds.mix(config.seed(), 3, next.epoch(), next.index()));
      int size = next.size();
      double loss;
      double penalty = 0;
      int correct;
      try (NDScope scope = new NDScope();
          NDManager batchManager = trainer.getManager().newSubManager()) {
        NDArray images =
            batchManager.create(FloatBuffer.wrap(next.pixels()), new Shape(size, 1, 28, 28));
        NDArray labels = batchManager.create(next.labels());
        NDArray logits;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          logits = trainer.forward(new NDList(images)).singletonOrThrow();
          NDArray total = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
          if (penalties.active()) {
            NDArray term = penalties.term();
            penalty = term.getFloat();
            total = total.add(term);
          }
          collector.backward(total);
          loss = total.getFloat();
        }
        trainer.step();
        optimizer.advance();
        correct = countCorrect(logits.toFloatArray(), next.labels(), outputs);
      }
      totals = totals.plus(size, correct, loss, penalty, (System.nanoTime() - begin) / 1e9);
    }

    private EpochRecord validate(Inference network) {
      long begin = System.nanoTime();
      Double validationLoss = null;
      Double validationAccuracy = null;
      if (split.validation().length > 0) {
        EvaluationResult result = Evaluator.evaluate(network, data.train(), split.validation());
        validationLoss = result.meanLoss();
        validationAccuracy = result.accuracy();
      }
      Double penAccuracy =
          examples.penValidation == null
              ? null
              : Evaluator.evaluate(network, examples.penValidation).accuracy();
      Double nonDigitAccuracy =
          examples.nonDigitValidation == null
              ? null
              : Evaluator.evaluate(network, examples.nonDigitValidation).outputAccuracy();
      double validationSeconds = (System.nanoTime() - begin) / 1e9;
      return new EpochRecord(
          epoch + 1,
          totals.meanLoss(),
          totals.accuracy(),
          validationLoss,
          validationAccuracy,
          totals.meanPenalty(),
          optimizer.currentLearningRate(),
          totals.seconds() + validationSeconds,
          penAccuracy,
          nonDigitAccuracy);
    }

    private void writeCheckpoint(double trainingSeconds) throws IOException {
      ByteArrayOutputStream optimizerState = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(optimizerState)) {
        optimizer.save(out);
      }
      Checkpoint.State state =
          new Checkpoint.State(
              config, epoch, batch, totals, List.copyOf(history), trainingSeconds, data.sha256());
      new Checkpoint(state, ModelFile.weightsOf(model.getBlock()), optimizerState.toByteArray())
          .save(checkpointFile);
      listener.checkpointWritten(checkpointFile, false);
    }

    private TrainingListener.Progress progress() {
      return new TrainingListener.Progress(
          epoch + 1,
          config.epochs(),
          batch,
          batches.batchesPerEpoch(),
          totals.meanLoss(),
          totals.accuracy(),
          totals.imagesPerSecond());
    }

    /** Training time of the whole run, including the time before a resume. */
    private double totalSeconds(long started) {
      return earlierSeconds + (System.nanoTime() - started) / 1e9;
    }
  }

  /** Examples whose largest logit, decline outputs included, is their label's. */
  private static int countCorrect(float[] logits, float[] labels, int outputs) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int d = 1; d < outputs; d++) {
        if (logits[i * outputs + d] > logits[i * outputs + best]) {
          best = d;
        }
      }
      if (best == (int) labels[i]) {
        correct++;
      }
    }
    return correct;
  }
}
