package dev.digits.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.io.Json;
import dev.digits.model.Prediction;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * How each {@link Classification} is written: one line each, with nothing that changes between runs
 * (no timings, no dates), so that two runs over the same inputs compare byte for byte and the
 * outputs of shards can be put together.
 */
public enum OutputFormat {
  /**
   * One JSON object a line: {@code path}, {@code digit}, {@code confidence}, {@code accepted},
   * {@code reason} (null when accepted) and {@code top}, the fields {@code POST /api/predict}
   * answers with; or {@code path} and {@code error}.
   */
  JSON {
    @Override
    public String header() {
      return null;
    }

    @Override
    public String line(Classification result) {
      ObjectNode line = Json.responses().createObjectNode().put("path", result.name());
      if (result.failed()) {
        line.put("error", result.error());
      } else {
        Prediction prediction = result.prediction();
        line.put("digit", prediction.digit())
            .put("confidence", prediction.confidence())
            .put("accepted", result.decision().accepted())
            .put("reason", result.reason());
        ArrayNode top = line.putArray("top");
        for (Prediction.Ranked ranked : result.top()) {
          top.addObject().put("digit", ranked.digit()).put("probability", ranked.probability());
        }
      }
      try {
        return Json.responses().writeValueAsString(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /**
   * CSV (RFC 4180) under a header row: {@code top} is {@code digit:probability} pairs separated by
   * spaces; an unreadable image has only its path and {@code error}.
   */
  CSV {
    @Override
    public String header() {
      return "path,digit,confidence,accepted,reason,top,error";
    }

    @Override
    public String line(Classification result) {
      if (result.failed()) {
        return field(result.name()) + ",,,,,," + field(result.error());
      }
      Prediction prediction = result.prediction();
      String top =
          result.top().stream()
              .map(ranked -> ranked.digit() + ":" + ranked.probability())
              .collect(Collectors.joining(" "));
      return String.join(
          ",",
          field(result.name()),
          Integer.toString(prediction.digit()),
          Float.toString(prediction.confidence()),
          Boolean.toString(result.decision().accepted()),
          result.reason() == null ? "" : result.reason(),
          top,
          "");
    }

    /** Quoted when it holds a comma, a quote or a line break, quotes doubled. */
    private static String field(String value) {
      if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
        return value;
      }
      return '"' + value.replace("\"", "\"\"") + '"';
    }
  };

  /** The line before all others, or null when the format has none. */
  public abstract String header();

  /** One result's line, without its line break. */
  public abstract String line(Classification result);
}
