package dev.digits.serving;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digits.TestData;
import dev.digits.model.BundledModels;
import dev.digits.model.DigitClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The models the product ships, read the way the product reads them: from {@code models/*.model} on
 * the classpath, where the build copies the repository's {@code models/} folder. Tests that need a
 * real model are skipped, with a message saying why, where the build has none.
 */
final class BundledCatalog {
  private BundledCatalog() {}

  /** Skips the calling test (or test class, from {@code @BeforeAll}) without a bundled model. */
  static void requireDefaultModel() {
    assumeTrue(
        BundledModels.exists(BundledModels.DEFAULT),
        "no bundled model: models/"
            + BundledModels.DEFAULT
            + ".model is not in the build (train one or copy it into models/, then rebuild)");
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
