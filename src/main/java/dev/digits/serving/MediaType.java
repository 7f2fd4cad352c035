package dev.digits.serving;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Content-Type} header, parsed as RFC 9110 (section 8.3) writes it: {@code type/subtype}
 * followed by {@code ; name=value} parameters, each value a token or a quoted string. Parameters
 * this server does not use are kept and ignored; a header that does not follow the syntax, or names
 * a charset Java does not know, is the client's mistake and refused here, before anything else
 * reads the header (Jetty resolves the charset lazily and would throw from deep inside a handler).
 *
 * @param essence the type and subtype, lower-cased: {@code "image/png"}; empty for an absent header
 * @param parameters parameter names (lower-cased) and their values, unquoted
 */
record MediaType(String essence, Map<String, String> parameters) {
  static final MediaType NONE = new MediaType("", Map.of());

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  /**
   * Parses a header; null or blank is {@link #NONE}.
   *
   * @throws ApiException 400 {@code invalid_content_type} when the header breaks the syntax, 415
   *     {@code unsupported_charset} when its charset is unknown
   */
  static MediaType parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    Parser parser = new Parser(header);
    parser.skipSpace();
    String type = parser.token("a type");
    parser.expect('/');
    String subtype = parser.token("a subtype");
    Map<String, String> parameters = new LinkedHashMap<>();
    while (true) {
      parser.skipSpace();
      if (parser.atEnd()) {
        break;
      }
      parser.expect(';');
      parser.skipSpace();
      if (parser.atEnd() || parser.peek() == ';') {
        continue; // RFC 9110 allows empty parameters: "a/b;;c=d"
      }
      String name = parser.token("a parameter name").toLowerCase(Locale.ROOT);
      parser.expect('=');
      String value = parser.peek() == '"' ? parser.quoted() : parser.token("a parameter value");
      parameters.putIfAbsent(name, value);
    }
    MediaType parsed =
        new MediaType((type + "/" + subtype).toLowerCase(Locale.ROOT), Map.copyOf(parameters));
    parsed.requireKnownCharset();
    return parsed;
  }

  /** The charset parameter, or null. */
  String charset() {
    return parameters.get("charset");
  }

  private void requireKnownCharset() {
    String charset = charset();
    if (charset == null) {
      return;
    }
    boolean known;
    try {
      known = Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      known = false;
    }
    if (!known) {
      throw new ApiException(
          415,
          "unsupported_charset",
          "The Content-Type names the charset '"
              + charset
              + "', which this server does not know; send UTF-8 or leave the charset out.");
    }
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(at);
    }

    void skipSpace() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        at++;
      }
    }

    void expect(char wanted) {
      if (peek() != wanted) {
        throw malformed("expected '" + wanted + "' at character " + (at + 1));
      }
      at++;
    }

    String token(String what) {
      int start = at;
      while (!atEnd() && isTokenChar(peek())) {
        at++;
      }
      if (at == start) {
        throw malformed("expected " + what + " at character " + (start + 1));
      }
      return text.substring(start, at);
    }

    /** A quoted string, its backslash escapes resolved. */
    String quoted() {
      StringBuilder value = new StringBuilder();
      at++;
      while (!atEnd()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (atEnd()) {
            break;
          }
          c = text.charAt(at++);
        }
        value.append(c);
      }
      throw malformed("a quoted value is not closed");
    }

    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private ApiException malformed(String why) {
      return ApiException.badRequest(
          "invalid_content_type",
          "The Content-Type header '" + text + "' is malformed: " + why + ".");
    }
  }
}
