package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

  @Test
  void readsTypeAndParametersAsRfc9110WritesThem() {
    MediaType type =
        MediaType.parse("Multipart/Form-Data ; Boundary=\"a \\\"b\\\"\";;charset=utf-8");
    assertThat(type.essence()).isEqualTo("multipart/form-data");
    assertThat(type.parameters()).isEqualTo(Map.of("boundary", "a \"b\"", "charset", "utf-8"));
    assertThat(type.charset()).isEqualTo("utf-8");
  }

  @Test
  void anAbsentHeaderHasNoType() {
    assertThat(MediaType.parse(null)).isEqualTo(MediaType.NONE);
    assertThat(MediaType.parse("  ")).isEqualTo(MediaType.NONE);
  }

  @Test
  void refusesWhatBreaksTheSyntax() {
    for (String header :
        new String[] {
          "image",
          "image/",
          "/png",
          "image/png x",
          "image/png; =a",
          "image/png; a",
          "image/png; a=\"b"
        }) {
      assertThatThrownBy(() -> MediaType.parse(header))
          .as(header)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("invalid_content_type");
              });
    }
  }

  @Test
  void refusesCharsetsJavaDoesNotKnow() {
    for (String header : new String[] {"image/png; charset=x", "text/plain; charset=\"\""}) {
      assertThatThrownBy(() -> MediaType.parse(header))
          .as(header)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(415);
                assertThat(e.code()).isEqualTo("unsupported_charset");
              });
    }
  }
}
