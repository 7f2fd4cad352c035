package dev.digits.serving;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's models, which may still be loading: requests that need them get 503 until they are
 * there, while the page, the docs and the liveness probe answer from the first second.
 */
final class LoadedModels {
  private static final Logger LOG = LoggerFactory.getLogger(LoadedModels.class);

  private final CompletableFuture<ModelCatalog> catalog;

  /**
   * @param loading the catalog, now or later
   * @param defaultModel name of the model to make the default, or null to keep the catalog's
   */
  LoadedModels(CompletionStage<ModelCatalog> loading, String defaultModel) {
    this.catalog =
        loading
            .thenApply(loaded -> defaultModel == null ? loaded : loaded.withDefault(defaultModel))
            .toCompletableFuture();
    catalog.exceptionally(
        failure -> {
          LOG.error("Loading the models failed; predictions will answer 503", failure);
          return null;
        });
  }

  /**
   * The catalog.
   *
   * @throws ApiException 503 while the models are loading or when loading failed
   */
  ModelCatalog require() {
    if (catalog.isCompletedExceptionally()) {
      throw new ApiException(503, "not_ready", "The models failed to load; see the server log.");
    }
    ModelCatalog ready = catalog.getNow(null);
    if (ready == null) {
      throw new ApiException(503, "not_ready", "The models are still loading; try again shortly.");
    }
    return ready;
  }
}
