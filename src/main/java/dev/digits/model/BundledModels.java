package dev.digits.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models shipped with digits: the files in the repository's {@code models/} folder, which the
 * build copies into the jar. The default model is {@code models/default.model}.
 */
public final class BundledModels {
  /** Name of the model the server and the CLI use when none is named. */
  public static final String DEFAULT = "default";

  private static final String FOLDER = "models";

  private BundledModels() {}

  /** Names of the bundled models (file names without extension), sorted, default first. */
  public static List<String> names() {
    try {
      Path location =
          Path.of(BundledModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path folder = location.resolve(FOLDER);
        return Files.isDirectory(folder) ? namesIn(folder) : List.of();
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        Path folder = jar.getPath(FOLDER);
        return Files.isDirectory(folder) ? namesIn(folder) : List.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the bundled models", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unexpected code location", e);
    }
  }

  /** True when a bundled model has this name. */
  public static boolean exists(String name) {
    return BundledModels.class.getClassLoader().getResource(resource(name)) != null;
  }

  /** Opens a bundled model. */
  public static TorchClassifier open(String name) throws IOException {
    return new TorchClassifier(load(name));
  }

  /** Loads a bundled model's file: its metadata and weights. */
  public static LoadedModel load(String name) throws IOException {
    String resource = resource(name);
    try (InputStream in = BundledModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelFileException(
            "bundled model '" + name + "'", "not found; bundled models: " + names());
      }
      return ModelFile.load("bundled model '" + name + "'", in);
    }
  }

  private static String resource(String name) {
    return FOLDER + "/" + name + ModelFile.EXTENSION;
  }

  private static List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(ModelFile.EXTENSION))
          .map(file -> file.substring(0, file.length() - ModelFile.EXTENSION.length()))
          .sorted((a, b) -> a.equals(DEFAULT) ? -1 : b.equals(DEFAULT) ? 1 : a.compareTo(b))
          .toList();
    }
  }
}
