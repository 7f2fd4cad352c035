package dev.digits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import dev.digits.TestData;
import dev.digits.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    TestData.engine();
  }

  static ModelMetadata metadata(Architecture architecture, long parameters) {
    return TestModels.metadata("test", architecture, parameters);
  }

  private Path saveFresh(Architecture architecture, String file) throws IOException {
    try (Model model = Model.newInstance("fresh")) {
      model.setBlock(architecture.newBlock(10));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
      Path path = dir.resolve(file);
      ModelFile.save(
          path,
          model.getBlock(),
          metadata(architecture, ModelFile.trainableParameterCount(model.getBlock())));
      return path;
    }
  }

  @Test
  void savedModelLoadsWithTheSameWeightsAndMetadata() throws Exception {
    Path file = saveFresh(Architecture.GAP_CNN, "gap.model");
    ModelMetadata written = ModelFile.readMetadata(file);
    assertThat(written.weightsSha256()).hasSize(64);
    try (LoadedModel loaded = ModelFile.load(file)) {
      assertThat(loaded.metadata()).isEqualTo(written);
      assertThat(loaded.metadata().parameterCount()).isLessThan(20_000);
      byte[] reloaded = ModelFile.weightsOf(loaded.model().getBlock());
      assertThat(dev.digits.io.Sha256.hex(reloaded)).isEqualTo(written.weightsSha256());
    }
  }

  @Test
  void defaultArchitectureStaysWithinItsParameterBudget() throws Exception {
    try (LoadedModel loaded = ModelFile.load(saveFresh(Architecture.DIGITS_CNN, "d.model"))) {
      assertThat(loaded.metadata().parameterCount()).isLessThanOrEqualTo(200_000);
    }
  }

  @Test
  void refusesAMissingFile() {
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("nope.model")))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("nope.model")
        .hasMessageContaining("not found");
  }

  @Test
  void refusesAFileThatIsNotAModel() throws Exception {
    Path file = dir.resolve("text.model");
    Files.writeString(file, "hello, I am not a zip");
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("not a digits model file");
  }

  @Test
  void refusesAZipWithoutWeights() throws Exception {
    Path file = dir.resolve("empty.model");
    Files.write(file, zip(Map.of("metadata.json", "{}".getBytes())));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("weights.params");
  }

  @Test
  void refusesDamagedWeights() throws Exception {
    Path file = saveFresh(Architecture.GAP_CNN, "damaged.model");
    Map<String, byte[]> entries = unzip(file);
    byte[] weights = entries.get("weights.params");
    weights[weights.length - 3] ^= 0x40;
    Files.write(file, zip(entries));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("damaged or were replaced");
  }

  @Test
  void refusesWeightsOfAnotherArchitecture() throws Exception {
    Path gap = saveFresh(Architecture.GAP_CNN, "gap.model");
    Map<String, byte[]> entries = unzip(gap);
    String json = new String(entries.get("metadata.json")).replace("\"gap-cnn\"", "\"digits-cnn\"");
    entries.put("metadata.json", json.getBytes());
    Path file = dir.resolve("mislabelled.model");
    Files.write(file, zip(entries));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("do not fit the architecture");
  }

  @Test
  void refusesAnUnknownArchitecture() throws Exception {
    Path file = saveFresh(Architecture.GAP_CNN, "unknown.model");
    Map<String, byte[]> entries = unzip(file);
    entries.put(
        "metadata.json",
        new String(entries.get("metadata.json"))
            .replace("\"gap-cnn\"", "\"resnet-1000\"")
            .getBytes());
    Files.write(file, zip(entries));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("unknown architecture 'resnet-1000'");
  }

  @Test
  void refusesAnotherFormatVersion() throws Exception {
    Path file = saveFresh(Architecture.GAP_CNN, "future.model");
    Map<String, byte[]> entries = unzip(file);
    entries.put(
        "metadata.json",
        new String(entries.get("metadata.json"))
            .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99")
            .getBytes());
    Files.write(file, zip(entries));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("format 99 is not supported");
  }

  @Test
  void refusesUnreadableMetadata() throws Exception {
    Path file = saveFresh(Architecture.GAP_CNN, "garbled.model");
    Map<String, byte[]> entries = unzip(file);
    entries.put("metadata.json", "{\"formatVersion\": ".getBytes());
    Files.write(file, zip(entries));
    assertThatThrownBy(() -> ModelFile.load(file))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("unreadable metadata.json");
  }

  private static Map<String, byte[]> unzip(Path file) throws IOException {
    Map<String, byte[]> entries = new java.util.HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
