package dev.digits.training;

import com.fasterxml.jackson.core.JacksonException;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A training run frozen between two batches: where it stands, the weights, and the optimizer's
 * state. Written atomically (a crash while writing leaves the previous checkpoint intact) as a zip
 * of {@code checkpoint.json}, {@code weights.params} and {@code optimizer.bin}.
 *
 * @param state the run's position and history
 * @param weights the network's parameters in DJL's format
 * @param optimizer the optimizer's step count and moment estimates
 */
public record Checkpoint(State state, byte[] weights, byte[] optimizer) {
  private static final String STATE_ENTRY = "checkpoint.json";
  private static final String WEIGHTS_ENTRY = "weights.params";
  private static final String OPTIMIZER_ENTRY = "optimizer.bin";

  /**
   * Where a run stands.
   *
   * @param config the run's recipe; a resumed run keeps it
   * @param epoch the 0-based epoch in progress
   * @param batch batches of that epoch already done
   * @param epochTotals running sums of the epoch in progress
   * @param history records of the finished epochs
   * @param trainingSeconds training time spent so far
   * @param dataSha256 hashes of the data the run trains on
   */
  public record State(
      TrainingConfig config,
      int epoch,
      int batch,
      EpochTotals epochTotals,
      List<EpochRecord> history,
      double trainingSeconds,
      Map<String, String> dataSha256) {}

  /** Writes the checkpoint to {@code file}, replacing any older one atomically. */
  public void save(Path file) throws IOException {
    byte[] json = Json.mapper().writeValueAsBytes(state);
    AtomicFiles.write(
        file,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, STATE_ENTRY, json);
            put(zip, WEIGHTS_ENTRY, weights);
            put(zip, OPTIMIZER_ENTRY, optimizer);
          }
        });
  }

  /** Reads a checkpoint, with a clear message if the file is missing or not a checkpoint. */
  public static Checkpoint load(Path file) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": checkpoint not found");
    } catch (ZipException e) {
      throw new IOException(file + ": not a digits checkpoint (" + e.getMessage() + ")");
    }
    if (!entries.keySet().containsAll(List.of(STATE_ENTRY, WEIGHTS_ENTRY, OPTIMIZER_ENTRY))) {
      throw new IOException(file + ": not a digits checkpoint (entries missing)");
    }
    try {
      State state = Json.mapper().readValue(entries.get(STATE_ENTRY), State.class);
      return new Checkpoint(state, entries.get(WEIGHTS_ENTRY), entries.get(OPTIMIZER_ENTRY));
    } catch (JacksonException e) {
      throw new IOException(
          file + ": unreadable checkpoint state (" + e.getOriginalMessage() + ")");
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
