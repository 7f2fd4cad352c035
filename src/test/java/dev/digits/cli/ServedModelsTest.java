package dev.digits.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The default model loads first, so that the server is ready before the others are in. */
class ServedModelsTest {

  @Test
  void theNamedDefaultLoadsFirst() {
    assertThat(ServedModels.defaultFirst(List.of("a", "b", "c"), "b"))
        .containsExactly("b", "a", "c");
    assertThat(ServedModels.defaultFirst(List.of("out/a.model", "out/b.model"), "b"))
        .containsExactly("out/b.model", "out/a.model");
  }

  @Test
  void withoutANamedDefaultTheOrderIsKept() {
    assertThat(ServedModels.defaultFirst(List.of("a", "b"), null)).containsExactly("a", "b");
    // A default named only inside a file's metadata is found once that file is loaded.
    assertThat(ServedModels.defaultFirst(List.of("x.model", "y.model"), "z"))
        .containsExactly("x.model", "y.model");
  }
}
