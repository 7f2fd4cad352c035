package dev.digits.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Turns the three accepted body formats of a prediction request into a {@link PredictRequest}: JSON
 * with a data URL, a raw PNG or JPEG, or a multipart form with a file.
 *
 * <p>The Content-Type is checked before the body is read, and the body is read once, under the
 * server's size limit. JSON is parsed with Jackson's streaming parser: no tree, no reflection.
 */
final class PredictRequestReader {
  private static final String[] FILE_FIELDS = {"image", "file"};

  private final JsonFactory json;
  private final long maxBodyBytes;

  PredictRequestReader(JsonFactory json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Reads a {@code POST /api/predict} request in any of its formats. */
  PredictRequest read(Context ctx) {
    // The raw header: Jetty's parsed one throws on a charset it does not know.
    String contentType = ctx.header("Content-Type");
    return switch (MediaType.parse(contentType).essence()) {
      case "application/json" -> fromJson(body(ctx));
      case "image/png", "image/jpeg", "application/octet-stream" ->
          new PredictRequest(
              new ImageInput.Encoded(body(ctx)),
              ctx.queryParam("model"),
              flag("includeInput", ctx.queryParam("includeInput")));
      case "multipart/form-data" -> fromMultipart(body(ctx), contentType, ctx);
      case "" ->
          throw ApiException.unsupportedMediaType(
              "The request has no Content-Type; send application/json, image/png, image/jpeg or"
                  + " multipart/form-data.");
      default ->
          throw ApiException.unsupportedMediaType(
              "Content-Type '"
                  + contentType
                  + "' is not accepted; send application/json,"
                  + " image/png, image/jpeg or multipart/form-data.");
    };
  }

  /**
   * Reads a {@code POST /predict} request: always JSON, whatever its Content-Type says, because
   * clients of the original service posted JSON without always labelling it. Only the image counts;
   * the original contract had no other fields.
   */
  PredictRequest readLegacy(Context ctx) {
    return new PredictRequest(fromJson(body(ctx)).image(), null, false);
  }

  private byte[] body(Context ctx) {
    return BoundedBody.read(ctx.req(), maxBodyBytes);
  }

  private PredictRequest fromJson(byte[] body) {
    String image = null;
    String model = null;
    boolean includeInput = false;
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalidJson("the body must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "image" -> image = string(parser, value, field);
          case "model" -> model = string(parser, value, field);
          case "includeInput" -> includeInput = bool(value, field);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw invalidJson("there is more after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw invalidJson(e.getOriginalMessage());
    } catch (IOException e) {
      throw invalidJson(e.getMessage());
    }
    if (image == null) {
      throw missingImage("the JSON object needs an \"image\" field holding a data URL");
    }
    return new PredictRequest(new ImageInput.DataUrl(image), model, includeInput);
  }

  private PredictRequest fromMultipart(byte[] body, String contentType, Context ctx) {
    try (MultipartForm form = MultipartForm.parse(body, contentType)) {
      byte[] image = form.bytes(FILE_FIELDS);
      if (image == null) {
        throw missingImage("the form needs a file field named \"image\" or \"file\"");
      }
      String model = form.text("model");
      String includeInput = form.text("includeInput");
      return new PredictRequest(
          new ImageInput.Encoded(image),
          model != null ? model : ctx.queryParam("model"),
          flag(
              "includeInput",
              includeInput != null ? includeInput : ctx.queryParam("includeInput")));
    }
  }

  private static String string(JsonParser parser, JsonToken value, String field)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw invalidField("\"" + field + "\" must be a string");
    }
    return parser.getText();
  }

  private static boolean bool(JsonToken value, String field) {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE, VALUE_NULL -> false;
      default -> throw invalidField("\"" + field + "\" must be true or false");
    };
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw invalidField("\"" + name + "\" must be true or false, not '" + value + "'");
  }

  private static ApiException invalidJson(String why) {
    return ApiException.badRequest("invalid_json", "The body is not valid JSON: " + why + ".");
  }

  private static ApiException invalidField(String why) {
    return ApiException.badRequest("invalid_field", "The request is malformed: " + why + ".");
  }

  private static ApiException missingImage(String why) {
    return ApiException.badRequest("missing_image", "No image in the request: " + why + ".");
  }
}
