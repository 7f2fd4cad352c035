package dev.digits.serving;

import dev.digits.model.DigitClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The models a server offers, by name, one of them the default.
 *
 * <p>Names come from each model's {@link dev.digits.model.ModelMetadata#name() metadata} and must
 * be unique. The catalog owns its classifiers: {@link #close()} closes them all.
 */
public final class ModelCatalog implements AutoCloseable {
  private final Map<String, DigitClassifier> byName;
  private final String defaultName;

  private ModelCatalog(Map<String, DigitClassifier> byName, String defaultName) {
    this.byName = byName;
    this.defaultName = defaultName;
  }

  /**
   * A catalog of the given models in the given order.
   *
   * @param classifiers at least one model, with distinct names
   * @param defaultName the model used when a request names none; {@code null} means the first
   * @throws IllegalArgumentException when the list is empty, names repeat or the default is not
   *     among them
   */
  public static ModelCatalog of(List<? extends DigitClassifier> classifiers, String defaultName) {
    if (classifiers.isEmpty()) {
      throw new IllegalArgumentException("a model catalog needs at least one model");
    }
    Map<String, DigitClassifier> byName = new LinkedHashMap<>();
    for (DigitClassifier classifier : classifiers) {
      String name = Objects.requireNonNull(classifier.metadata().name(), "model name");
      if (byName.putIfAbsent(name, classifier) != null) {
        throw new IllegalArgumentException("two models are named '" + name + "'");
      }
    }
    String chosen = defaultName == null ? byName.keySet().iterator().next() : defaultName;
    ModelCatalog catalog = new ModelCatalog(byName, chosen);
    catalog.requireKnown(chosen);
    return catalog;
  }

  /** A catalog of the given models, the first of them the default. */
  public static ModelCatalog of(DigitClassifier first, DigitClassifier... more) {
    List<DigitClassifier> all = new ArrayList<>(1 + more.length);
    all.add(first);
    all.addAll(List.of(more));
    return of(all, null);
  }

  /**
   * The same models with another default.
   *
   * @throws IllegalArgumentException when no model has that name
   */
  public ModelCatalog withDefault(String name) {
    requireKnown(name);
    return new ModelCatalog(byName, name);
  }

  /** The model used when a request names none. */
  public DigitClassifier defaultModel() {
    return byName.get(defaultName);
  }

  /** The default model's name. */
  public String defaultName() {
    return defaultName;
  }

  /** The model with this name, if the catalog has one. */
  public Optional<DigitClassifier> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All models, in the order they were given. */
  public List<DigitClassifier> models() {
    return List.copyOf(byName.values());
  }

  /** All model names, in the order the models were given. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Closes every model. */
  @Override
  public void close() {
    byName.values().forEach(DigitClassifier::close);
  }

  private void requireKnown(String name) {
    if (!byName.containsKey(name)) {
      throw new IllegalArgumentException(
          "no model named '" + name + "'; the catalog has " + String.join(", ", byName.keySet()));
    }
  }
}
