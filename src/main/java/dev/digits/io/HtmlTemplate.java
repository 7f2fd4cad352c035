package dev.digits.io;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of HTML with named slots, kept as a file beside the code that fills it, so that a page's
 * prose and markup read as HTML rather than as Java strings. {@code {{name}}} takes text, which is
 * escaped; {@code {{{name}}}} takes markup, inserted as it is. Filling checks that every slot gets
 * a value and every value has a slot, so a renamed slot fails at once instead of vanishing.
 */
public final class HtmlTemplate {
  private static final Pattern SLOT =
      Pattern.compile("\\{\\{(\\{?)([A-Za-z][A-Za-z0-9]*)\\}?\\}\\}");

  private final String source;
  private final Set<String> slots = new LinkedHashSet<>();

  private HtmlTemplate(String source) {
    this.source = source;
    Matcher slot = SLOT.matcher(source);
    while (slot.find()) {
      slots.add(slot.group(2));
    }
  }

  /** The template in a UTF-8 class-path resource, e.g. {@code "/study/report.html"}. */
  public static HtmlTemplate resource(String path) {
    return new HtmlTemplate(Resources.text(HtmlTemplate.class, path));
  }

  /** A template given as text: for tests of the slots' rules. */
  static HtmlTemplate of(String source) {
    return new HtmlTemplate(source);
  }

  /**
   * The page with every slot filled from {@code values}.
   *
   * @throws IllegalArgumentException when a slot has no value or a value no slot
   */
  public String fill(Map<String, String> values) {
    Set<String> missing = new LinkedHashSet<>(slots);
    missing.removeAll(values.keySet());
    Set<String> unused = new LinkedHashSet<>(values.keySet());
    unused.removeAll(slots);
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new IllegalArgumentException(
          "template slots without a value: " + missing + "; values without a slot: " + unused);
    }
    Matcher slot = SLOT.matcher(source);
    StringBuilder out = new StringBuilder(source.length() * 2);
    while (slot.find()) {
      String value = values.get(slot.group(2));
      slot.appendReplacement(
          out, Matcher.quoteReplacement(slot.group(1).isEmpty() ? Html.escape(value) : value));
    }
    slot.appendTail(out);
    return out.toString();
  }
}
