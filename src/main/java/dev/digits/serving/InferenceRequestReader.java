package dev.digits.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.digits.model.DigitClassifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses an Open Inference Protocol request with Jackson's streaming parser: thousands of pixel
 * values become a {@code float[]}, never a tree of number nodes. Tensor data may be flat or nested,
 * and an input's fields may come in any order, so the values are gathered first and checked against
 * the declared datatype and shape once the input is complete.
 */
final class InferenceRequestReader {
  /** Most images in one request: a few forward passes' worth. */
  static final int MAX_IMAGES = 64;

  private static final long[] PIXELS_SHAPE = {1, 28, 28};

  private final JsonFactory json;

  InferenceRequestReader(JsonFactory json) {
    this.json = json;
  }

  /**
   * The request in {@code body}.
   *
   * @throws ApiException 400 for JSON that is not such a request, or inputs the model does not take
   */
  InferenceRequest read(byte[] body) {
    String id = null;
    List<RawInput> inputs = new ArrayList<>();
    List<InferenceOutput> outputs = null;
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("the body must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> id = text(parser, value, "id");
          case "inputs" -> {
            requireArray(value, "inputs");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              inputs.add(RawInput.read(parser));
            }
          }
          case "outputs" -> {
            requireArray(value, "outputs");
            outputs = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              outputs.add(InferenceOutput.named(outputName(parser)));
            }
          }
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw invalid("there is more after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw invalid(e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid(e.getMessage());
    }
    if (inputs.size() != 1) {
      throw invalid(
          "a request has one input, '"
              + InferenceRequest.Pixels.NAME
              + "' (FP32 [N,1,28,28]) or '"
              + InferenceRequest.EncodedImages.NAME
              + "' (BYTES [N]); this one has "
              + inputs.size());
    }
    return new InferenceRequest(
        id,
        inputs.get(0).toInput(),
        outputs == null || outputs.isEmpty() ? List.of(InferenceOutput.values()) : outputs);
  }

  private static String outputName(JsonParser parser) throws IOException {
    String name = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name")) {
        name = text(parser, value, "an output's name");
      } else {
        parser.skipChildren();
      }
    }
    if (name == null) {
      throw invalid("every requested output needs a \"name\"");
    }
    return name;
  }

  /** An input as sent, before its values are checked against its datatype and shape. */
  private static final class RawInput {
    String name;
    String datatype;
    long[] shape;
    float[] numbers = new float[0];
    int count;
    List<String> strings;

    static RawInput read(JsonParser parser) throws IOException {
      RawInput input = new RawInput();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "name" -> input.name = text(parser, value, "an input's name");
          case "datatype" -> input.datatype = text(parser, value, "an input's datatype");
          case "shape" -> input.shape = shape(parser, value);
          case "data" -> {
            requireArray(value, "an input's data");
            input.gather(parser);
          }
          default -> parser.skipChildren();
        }
      }
      if (input.name == null || input.datatype == null || input.shape == null) {
        throw invalid("every input needs a \"name\", a \"datatype\", a \"shape\" and \"data\"");
      }
      return input;
    }

    /** Reads the values of a data array, nested or flat, whose start the parser is at. */
    private void gather(JsonParser parser) throws IOException {
      int depth = 1;
      while (depth > 0) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          throw invalid("the data ends early");
        }
        switch (token) {
          case START_ARRAY -> depth++;
          case END_ARRAY -> depth--;
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> addNumber(parser.getFloatValue());
          case VALUE_STRING -> addString(parser.getText());
          default -> throw invalid("tensor data holds numbers or strings, not " + token.asString());
        }
      }
    }

    private void addNumber(float value) {
      if (strings != null) {
        throw invalid("an input's data mixes numbers and strings");
      }
      if (count == numbers.length) {
        numbers = Arrays.copyOf(numbers, Math.max(1024, count * 2));
      }
      numbers[count++] = value;
    }

    private void addString(String value) {
      if (count > 0) {
        throw invalid("an input's data mixes numbers and strings");
      }
      if (strings == null) {
        strings = new ArrayList<>();
      }
      strings.add(value);
    }

    InferenceRequest.Input toInput() {
      return switch (name) {
        case InferenceRequest.Pixels.NAME -> pixels();
        case InferenceRequest.EncodedImages.NAME -> encodedImages();
        default ->
            throw invalid(
                "the model has no input named '"
                    + name
                    + "'; it takes '"
                    + InferenceRequest.Pixels.NAME
                    + "' (FP32 [N,1,28,28]) or '"
                    + InferenceRequest.EncodedImages.NAME
                    + "' (BYTES [N])");
      };
    }

    private InferenceRequest.Pixels pixels() {
      requireDatatype("FP32");
      if (shape.length != 4 || !Arrays.equals(Arrays.copyOfRange(shape, 1, 4), PIXELS_SHAPE)) {
        throw invalid(
            "the input '" + name + "' has shape [N,1,28,28], not " + Arrays.toString(shape));
      }
      int images = imageCount();
      if (strings != null || count != images * DigitClassifier.PIXELS) {
        throw invalid(
            "shape "
                + Arrays.toString(shape)
                + " holds "
                + images * DigitClassifier.PIXELS
                + " numbers; the data has "
                + (strings != null ? strings.size() + " strings" : count + " numbers"));
      }
      List<float[]> pixels = new ArrayList<>(images);
      for (int i = 0; i < images; i++) {
        float[] image =
            Arrays.copyOfRange(
                numbers, i * DigitClassifier.PIXELS, (i + 1) * DigitClassifier.PIXELS);
        for (float value : image) {
          if (!(value >= 0 && value <= 1)) {
            throw invalid(
                "pixel values lie between 0 (background) and 1 (ink); image "
                    + (i + 1)
                    + " has "
                    + value);
          }
        }
        pixels.add(image);
      }
      return new InferenceRequest.Pixels(pixels);
    }

    private InferenceRequest.EncodedImages encodedImages() {
      requireDatatype("BYTES");
      if (shape.length != 1) {
        throw invalid("the input '" + name + "' has shape [N], not " + Arrays.toString(shape));
      }
      int images = imageCount();
      int strung = strings == null ? 0 : strings.size();
      if (count > 0 || strung != images) {
        throw invalid(
            "shape "
                + Arrays.toString(shape)
                + " holds "
                + images
                + " base64 images; the data has "
                + (count > 0 ? count + " numbers" : strung + " strings"));
      }
      return new InferenceRequest.EncodedImages(List.copyOf(strings));
    }

    private void requireDatatype(String wanted) {
      if (!datatype.equals(wanted)) {
        throw invalid("the input '" + name + "' is " + wanted + ", not " + datatype);
      }
    }

    private int imageCount() {
      long images = shape[0];
      if (images < 1 || images > MAX_IMAGES) {
        throw invalid("a request holds 1 to " + MAX_IMAGES + " images; its shape says " + images);
      }
      return (int) images;
    }
  }

  private static long[] shape(JsonParser parser, JsonToken value) throws IOException {
    requireArray(value, "a shape");
    long[] shape = new long[0];
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT || shape.length == 8) {
        throw invalid("a shape is a short list of whole numbers");
      }
      shape = Arrays.copyOf(shape, shape.length + 1);
      shape[shape.length - 1] = parser.getLongValue();
    }
    return shape;
  }

  private static String text(JsonParser parser, JsonToken value, String what) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw invalid(what + " must be a string");
    }
    return parser.getText();
  }

  private static void requireArray(JsonToken value, String what) {
    if (value != JsonToken.START_ARRAY) {
      throw invalid(what + " must be an array");
    }
  }

  private static ApiException invalid(String why) {
    return ApiException.badRequest(
        "invalid_inference_request", "The inference request is invalid: " + why + ".");
  }
}
