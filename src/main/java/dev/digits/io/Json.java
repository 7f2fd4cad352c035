package dev.digits.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The project's two JSON configurations, each built once (Jackson caches its serializers in a
 * mapper): one for files and printed reports, one for HTTP responses. Both are thread-safe; do not
 * reconfigure them.
 */
public final class Json {
  private static final ObjectMapper FILES =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private static final ObjectMapper RESPONSES =
      JsonMapper.builder().addModule(finiteNumbers()).build();

  private Json() {}

  /**
   * For model files, checkpoints, reports and printed JSON: indented for people, and tolerant of
   * fields that later versions add. A figure left unmeasured (NaN) is written as the string "NaN",
   * which reads back as NaN.
   */
  public static ObjectMapper mapper() {
    return FILES;
  }

  /**
   * For HTTP responses: compact, and never NaN or infinity, which are not JSON and break browsers'
   * parsers; an unmeasured figure becomes {@code null}.
   */
  public static ObjectMapper responses() {
    return RESPONSES;
  }

  private static SimpleModule finiteNumbers() {
    SimpleModule module = new SimpleModule("finite-numbers");
    module.addSerializer(Double.class, new FiniteOrNull<>(Double.class));
    module.addSerializer(Double.TYPE, new FiniteOrNull<>(Double.TYPE));
    module.addSerializer(Float.class, new FiniteOrNull<>(Float.class));
    module.addSerializer(Float.TYPE, new FiniteOrNull<>(Float.TYPE));
    return module;
  }

  private static final class FiniteOrNull<T extends Number> extends StdSerializer<T> {
    FiniteOrNull(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (value instanceof Float f) {
        if (Float.isFinite(f)) {
          out.writeNumber(f);
        } else {
          out.writeNull();
        }
      } else if (Double.isFinite(value.doubleValue())) {
        out.writeNumber(value.doubleValue());
      } else {
        out.writeNull();
      }
    }
  }
}
