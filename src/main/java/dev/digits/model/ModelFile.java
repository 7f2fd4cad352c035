package dev.digits.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JacksonException;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: one zip archive holding {@code metadata.json} (a {@link ModelMetadata}) and
 * {@code weights.params} (DJL's parameter format). The metadata carries the SHA-256 of the weights,
 * so a damaged or swapped file is refused on load instead of giving quietly wrong answers.
 */
public final class ModelFile {
  /** File-name extension of model files. */
  public static final String EXTENSION = ".model";

  static final String METADATA_ENTRY = "metadata.json";
  static final String WEIGHTS_ENTRY = "weights.params";
  private static final long MAX_ENTRY_BYTES = 64L << 20;

  private ModelFile() {}

  /**
   * Writes {@code block}'s weights and the metadata to {@code file}, atomically.
   *
   * @return the metadata as written, with the weights' SHA-256 filled in
   */
  public static ModelMetadata save(Path file, Block block, ModelMetadata metadata)
      throws IOException {
    byte[] weights = weightsOf(block);
    ModelMetadata stamped = metadata.withWeightsSha256(Sha256.hex(weights));
    byte[] json = Json.mapper().writeValueAsBytes(stamped);
    AtomicFiles.write(
        file,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            putEntry(zip, METADATA_ENTRY, json);
            putEntry(zip, WEIGHTS_ENTRY, weights);
          }
        });
    return stamped;
  }

  /** The serialized parameters of an initialized block. */
  public static byte[] weightsOf(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    }
    return bytes.toByteArray();
  }

  /** Reads only the metadata of a model file, checking the weights' hash but not loading them. */
  public static ModelMetadata readMetadata(Path file) throws IOException {
    return read(file).metadata();
  }

  /**
   * Loads a model file into a new DJL {@link Model} whose block has the stored weights.
   *
   * @throws ModelFileException if the file is not a model file, is damaged, or does not match its
   *     architecture
   */
  public static LoadedModel load(Path file) throws IOException {
    return read(file).toModel();
  }

  /** Loads a model from a stream, e.g. a model bundled in the jar; {@code source} names it. */
  public static LoadedModel load(String source, InputStream in) throws IOException {
    return read(source, in).toModel();
  }

  /**
   * Copies serialized weights into the existing parameter arrays of an initialized block.
   *
   * <p>DJL's {@code loadParameters} replaces each parameter's array with a new one, which a trainer
   * that already holds the old arrays would never see; a resumed run must update the arrays its
   * trainer and optimizer hold, so the values are copied in place instead.
   */
  public static void copyWeightsInto(
      Block target, Architecture architecture, int outputs, byte[] weights, String source)
      throws ModelFileException {
    try (Model scratch = Model.newInstance("weights")) {
      scratch.setBlock(architecture.newBlock(outputs));
      scratch
          .getBlock()
          .initialize(scratch.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
      loadWeights(scratch, weights, source);
      var from = scratch.getBlock().getParameters();
      var to = target.getParameters();
      for (int i = 0; i < from.size(); i++) {
        from.valueAt(i).getArray().copyTo(to.valueAt(i).getArray());
      }
    }
  }

  private static void loadWeights(Model model, byte[] weights, String source)
      throws ModelFileException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
      model.getBlock().loadParameters(model.getNDManager(), in);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      throw new ModelFileException(
          source, "weights do not fit the architecture (" + e.getMessage() + ")", e);
    }
  }

  /** Number of trainable values in a block: what "parameter count" means in this project. */
  public static long trainableParameterCount(Block block) {
    long count = 0;
    for (Parameter parameter : block.getParameters().values()) {
      if (parameter.requiresGradient()) {
        count += parameter.getArray().size();
      }
    }
    return count;
  }

  private static Contents read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new ModelFileException(file.toString(), "file not found");
    }
  }

  private static Contents read(String source, InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals(METADATA_ENTRY) || entry.getName().equals(WEIGHTS_ENTRY)) {
          entries.put(entry.getName(), readBounded(source, zip));
        }
      }
    } catch (ZipException e) {
      throw new ModelFileException(
          source, "not a digits model file (damaged zip: " + e.getMessage() + ")");
    }
    byte[] json = entries.get(METADATA_ENTRY);
    byte[] weights = entries.get(WEIGHTS_ENTRY);
    if (json == null || weights == null) {
      throw new ModelFileException(
          source,
          "not a digits model file (expected a zip with "
              + METADATA_ENTRY
              + " and "
              + WEIGHTS_ENTRY
              + ")");
    }
    ModelMetadata metadata;
    try {
      metadata = Json.mapper().readValue(json, ModelMetadata.class);
    } catch (JacksonException e) {
      throw new ModelFileException(
          source, "unreadable " + METADATA_ENTRY + " (" + e.getOriginalMessage() + ")");
    }
    if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION) {
      throw new ModelFileException(
          source,
          "model-file format "
              + metadata.formatVersion()
              + " is not supported (this digits reads format "
              + ModelMetadata.FORMAT_VERSION
              + ")");
    }
    String actual = Sha256.hex(weights);
    if (!actual.equals(metadata.weightsSha256())) {
      throw new ModelFileException(
          source,
          "the weights are damaged or were replaced: SHA-256 "
              + actual
              + " does not match the recorded "
              + metadata.weightsSha256());
    }
    return new Contents(source, metadata, weights);
  }

  private static byte[] readBounded(String source, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
    if (bytes.length > MAX_ENTRY_BYTES) {
      throw new ModelFileException(
          source, "an entry is larger than " + (MAX_ENTRY_BYTES >> 20) + " MiB");
    }
    return bytes;
  }

  private static void putEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private record Contents(String source, ModelMetadata metadata, byte[] weights) {
    private int outputs(ModelMetadata metadata) throws ModelFileException {
      try {
        return OutputClasses.named(metadata.outputNames().size()).size();
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(source, e.getMessage());
      }
    }

    LoadedModel toModel() throws ModelFileException {
      Architecture architecture;
      try {
        architecture = Architecture.byId(metadata.architecture());
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(source, e.getMessage());
      }
      Model model = Model.newInstance(metadata.name());
      try {
        model.setBlock(architecture.newBlock(outputs(metadata)));
        model
            .getBlock()
            .initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
        loadWeights(model, weights, source);
        long count = trainableParameterCount(model.getBlock());
        if (count != metadata.parameterCount()) {
          throw new ModelFileException(
              source,
              "metadata says "
                  + metadata.parameterCount()
                  + " parameters but the weights have "
                  + count);
        }
        return new LoadedModel(metadata, model);
      } catch (ModelFileException | RuntimeException e) {
        model.close();
        throw e;
      }
    }
  }
}
