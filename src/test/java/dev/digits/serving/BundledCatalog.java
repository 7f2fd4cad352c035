package dev.digits.serving;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digits.TestData;
import dev.digits.model.BundledModels;
import dev.digits.model.DigitClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models the product ships, read the way the product reads them: from {@code models/*.model} on
 * the classpath, where the build copies the repository's {@code models/} folder. Tests that need a
 * real model are skipped, with a message saying why, where the build has none.
 */
final class BundledCatalog {
  private BundledCatalog() {}

  /** Why the real-model tests cannot run here, if they cannot: the build has no default model. */
  static Optional<String> missing() {
    return BundledModels.exists(BundledModels.DEFAULT)
        ? Optional.empty()
        : Optional.of(
            "no bundled model: models/"
                + BundledModels.DEFAULT
                + ".model is not in the build (train one or copy it into models/, then rebuild)");
  }

  /**
   * Skips the calling test without a bundled model. Call it from {@code @BeforeEach} or the test:
   * an assumption that fails in {@code @BeforeAll} skips the class without a word in the report.
   */
  static void requireDefaultModel() {
    Optional<String> missing = missing();
    assumeTrue(missing.isEmpty(), missing::get);
  }

  /** Every bundled model, the default first and the default of the catalog; the caller closes. */
  static ModelCatalog open() {
    requireDefaultModel();
    TestData.engine();
    List<DigitClassifier> models = new ArrayList<>();
    try {
      for (String name : BundledModels.names()) {
        models.add(BundledModels.open(name));
      }
    } catch (IOException e) {
      models.forEach(DigitClassifier::close);
      throw new UncheckedIOException(e);
    }
    return ModelCatalog.of(models, null);
  }
}
