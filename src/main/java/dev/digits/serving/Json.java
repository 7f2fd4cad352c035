package dev.digits.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** The one JSON configuration of the server, built once: Jackson caches its serializers in it. */
final class Json {
  private Json() {}

  /**
   * A mapper that writes records as objects and never writes NaN or infinity, which are not JSON: a
   * figure a model file leaves unmeasured (NaN) becomes {@code null}.
   */
  static ObjectMapper newMapper() {
    SimpleModule finiteNumbers = new SimpleModule("finite-numbers");
    finiteNumbers.addSerializer(Double.class, new FiniteOrNull<>(Double.class));
    finiteNumbers.addSerializer(Double.TYPE, new FiniteOrNull<>(Double.TYPE));
    finiteNumbers.addSerializer(Float.class, new FiniteOrNull<>(Float.class));
    finiteNumbers.addSerializer(Float.TYPE, new FiniteOrNull<>(Float.TYPE));
    return new ObjectMapper().registerModule(finiteNumbers);
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
