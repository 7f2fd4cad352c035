package dev.digits.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {
  @Test
  void textIsEscapedAndMarkupInsertedAsItIs() {
    HtmlTemplate template = HtmlTemplate.of("<h1>{{title}}</h1>{{{body}}}<p>{{title}}</p>");

    assertThat(template.fill(Map.of("title", "L1 & <L2>", "body", "<b>$1 \\ ok</b>")))
        .isEqualTo("<h1>L1 &amp; &lt;L2&gt;</h1><b>$1 \\ ok</b><p>L1 &amp; &lt;L2&gt;</p>");
  }

  @Test
  void aSlotWithoutAValueIsRefused() {
    assertThatThrownBy(() -> HtmlTemplate.of("{{a}}{{{b}}}").fill(Map.of("a", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a value: [b]");
  }

  @Test
  void aValueWithoutASlotIsRefused() {
    assertThatThrownBy(() -> HtmlTemplate.of("{{a}}").fill(Map.of("a", "x", "renamed", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a slot: [renamed]");
  }
}
