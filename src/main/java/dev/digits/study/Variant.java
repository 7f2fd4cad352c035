package dev.digits.study;

import dev.digits.model.ModelFile;

/** The four ways the study trains the same network: which penalties are switched on. */
public enum Variant {
  NONE("none", "none", false, false),
  L1("l1", "L1", true, false),
  L2("l2", "L2", false, true),
  L1_L2("l1-l2", "L1+L2", true, true);

  private final String id;
  private final String label;
  private final boolean usesL1;
  private final boolean usesL2;

  Variant(String id, String label, boolean usesL1, boolean usesL2) {
    this.id = id;
    this.label = label;
    this.usesL1 = usesL1;
    this.usesL2 = usesL2;
  }

  /**
   * The variant an argument names: its {@link #id} ({@code none}, {@code l1}, {@code l2}, {@code
   * l1-l2}) or its position in that order from 0, which a Kubernetes Indexed Job gives each pod.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Variant parse(String idOrIndex) {
    for (Variant variant : values()) {
      if (variant.id.equals(idOrIndex) || Integer.toString(variant.ordinal()).equals(idOrIndex)) {
        return variant;
      }
    }
    throw new IllegalArgumentException(
        "no study variant '"
            + idOrIndex
            + "': give none, l1, l2 or l1-l2, or its index 0 to "
            + (values().length - 1));
  }

  /** Short name used in file names, JSON and the report's filters, e.g. {@code l1-l2}. */
  public String id() {
    return id;
  }

  /** Name for people, e.g. "L1+L2"; the same words {@code TrainingConfig.regularization()} uses. */
  public String label() {
    return label;
  }

  /** True when this variant adds the L1 penalty. */
  public boolean usesL1() {
    return usesL1;
  }

  /** True when this variant adds the L2 penalty. */
  public boolean usesL2() {
    return usesL2;
  }

  /** The variant's model file in the study folder, e.g. {@code l1.model}. */
  public String fileName() {
    return id + ModelFile.EXTENSION;
  }

  /** The name its model goes by in the server's model picker, e.g. {@code study-l1}. */
  public String modelName() {
    return "study-" + id;
  }
}
