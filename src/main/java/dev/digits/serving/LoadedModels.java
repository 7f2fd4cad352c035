package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's models, which may still be loading. The default model comes first: from then on the
 * server is ready and answers with it, while the others are added as they load. Requests that need
 * a model not there yet get 503, while the page, the docs and the liveness probe answer from the
 * first second.
 */
final class LoadedModels {
  private static final Logger LOG = LoggerFactory.getLogger(LoadedModels.class);

  /** What is served now: no catalog until the default model is in. */
  private record State(ModelCatalog catalog, boolean complete, Throwable failure) {}

  private final String defaultModel;
  private volatile State state = new State(null, false, null);

  /**
   * @param defaultModel name of the model to make the default, or null to keep the catalog's
   */
  LoadedModels(String defaultModel) {
    this.defaultModel = defaultModel;
  }

  /**
   * Serves {@code loaded} from now on.
   *
   * @param complete false while more models are still to come
   * @throws IllegalArgumentException when the catalog lacks the configured default model
   */
  void serve(ModelCatalog loaded, boolean complete) {
    state =
        new State(defaultModel == null ? loaded : loaded.withDefault(defaultModel), complete, null);
  }

  /** Loading failed: requests that need models answer 503 from now on. */
  void failed(Throwable failure) {
    LOG.error("Loading the models failed; predictions will answer 503", failure);
    state = new State(null, false, failure);
  }

  /**
   * The catalog.
   *
   * @throws ApiException 503 while the default model is loading or when loading failed
   */
  ModelCatalog require() {
    return require(state);
  }

  private static ModelCatalog require(State now) {
    if (now.failure() != null) {
      throw new ApiException(503, "not_ready", "The models failed to load; see the server log.");
    }
    if (now.catalog() == null) {
      throw new ApiException(503, "not_ready", "The models are still loading; try again shortly.");
    }
    return now.catalog();
  }

  /** Whether every model is loaded. */
  boolean complete() {
    return state.complete();
  }

  /** Whether the default model is loaded, and so predictions can be answered. */
  boolean isReady() {
    return state.catalog() != null;
  }

  /** Whether a model of that name is loaded. */
  boolean isLoaded(String name) {
    ModelCatalog catalog = state.catalog();
    return catalog != null && catalog.find(name).isPresent();
  }

  /**
   * The model of that name, or the default for null or blank.
   *
   * @throws UnknownModelException when no model has that name and none is still loading
   * @throws ApiException 503 while models are loading, the named one perhaps among them
   */
  DigitClassifier classifier(String name) {
    State now = state;
    ModelCatalog catalog = require(now);
    if (name == null || name.isBlank()) {
      return catalog.defaultModel();
    }
    return catalog
        .find(name)
        .orElseThrow(
            () ->
                now.complete()
                    ? (RuntimeException) new UnknownModelException(name, catalog.names())
                    : new ApiException(
                        503,
                        "not_ready",
                        "There is no model named '"
                            + name
                            + "' yet; the server is still loading models."));
  }
}
