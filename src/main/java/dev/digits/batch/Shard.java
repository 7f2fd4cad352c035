package dev.digits.batch;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} equal shares of a list, numbered from 0: shard {@code index} takes the
 * positions from {@code index × size / count} up to (not including) {@code (index + 1) × size /
 * count}. The shares are contiguous, so the outputs of shards 0 to N−1 put one after another are
 * exactly the output of one unsharded run; they differ in size by at most one, and together cover
 * every position once.
 *
 * @param index which share, from 0 to {@code count − 1}
 * @param count how many shares
 */
public record Shard(int index, int count) {
  /** Kubernetes sets this in every pod of an Indexed Job: the pod's index, from 0. */
  public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

  /** How many shares the work is split into, set beside {@link #INDEX_VARIABLE}. */
  public static final String COUNT_VARIABLE = "DIGITS_SHARDS";

  /** The whole list, unsharded. */
  public static final Shard ALL = new Shard(0, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  /**
   * @throws IllegalArgumentException unless {@code 0 <= index < count}
   */
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard "
              + index
              + "/"
              + count
              + " does not exist: the index counts from 0 and is below the count (e.g. 0/"
              + Math.max(count, 3)
              + ")");
    }
  }

  /**
   * Parses {@code I/N}, e.g. {@code 2/8}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static Shard parse(String text) {
    Matcher matcher = FORM.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "shard '" + text + "' is not INDEX/COUNT, e.g. 0/3 for the first of three");
    }
    return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /**
   * The shard an Indexed Job's pod takes: {@link #INDEX_VARIABLE} and {@link #COUNT_VARIABLE}
   * together, or {@link #ALL} when neither is set.
   *
   * @throws IllegalArgumentException when only one is set, or either is not a number in range
   */
  public static Shard fromEnvironment(Map<String, String> environment) {
    String index = environment.get(INDEX_VARIABLE);
    String count = environment.get(COUNT_VARIABLE);
    if (index == null && count == null) {
      return ALL;
    }
    if (index == null || count == null) {
      String missing = index == null ? INDEX_VARIABLE : COUNT_VARIABLE;
      String present = index == null ? COUNT_VARIABLE : INDEX_VARIABLE;
      throw new IllegalArgumentException(
          present + " is set but " + missing + " is not: a shard needs both (or --shard I/N)");
    }
    try {
      return parse(index + "/" + count);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + " (from "
              + INDEX_VARIABLE
              + "="
              + index
              + " and "
              + COUNT_VARIABLE
              + "="
              + count
              + ")");
    }
  }

  /** The position in a list of {@code size} where this shard's share starts. */
  public int from(int size) {
    return (int) ((long) index * size / count);
  }

  /** How many of a list of {@code size} this shard takes. */
  public int size(int size) {
    return (int) ((long) (index + 1) * size / count) - from(size);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
