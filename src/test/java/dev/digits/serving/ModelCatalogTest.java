package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  private final FakeClassifier a = new FakeClassifier("a", 0, 0.9);
  private final FakeClassifier b = new FakeClassifier("b", 1, 0.8);

  @Test
  void firstModelIsTheDefaultUnlessNamed() {
    assertThat(ModelCatalog.of(a, b).defaultName()).isEqualTo("a");
    assertThat(ModelCatalog.of(List.of(a, b), "b").defaultModel()).isSameAs(b);
    assertThat(ModelCatalog.of(a, b).withDefault("b").defaultName()).isEqualTo("b");
  }

  @Test
  void findsModelsByNameInOrder() {
    ModelCatalog catalog = ModelCatalog.of(a, b);

    assertThat(catalog.find("b")).containsSame(b);
    assertThat(catalog.find("c")).isEmpty();
    assertThat(catalog.names()).containsExactly("a", "b");
    assertThat(catalog.models()).containsExactly(a, b);
  }

  @Test
  void refusesCatalogsThatCannotWork() {
    assertThatThrownBy(() -> ModelCatalog.of(List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelCatalog.of(a, new FakeClassifier("a", 2, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> ModelCatalog.of(List.of(a), "z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'z'");
    assertThatThrownBy(
            () ->
                new DigitsServer(
                    ServerConfig.builder().defaultModel("z").build(), ModelCatalog.of(a)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
