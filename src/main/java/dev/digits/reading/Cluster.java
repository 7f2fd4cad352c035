package dev.digits.reading;

import java.util.BitSet;

/**
 * Pieces of ink taken for one digit, or for several touching digits still to be cut apart.
 *
 * @param labels the {@link InkComponents} labels of its pieces
 * @param box the box around them
 * @param area their stroke pixels
 */
record Cluster(BitSet labels, PixelBox box, int area) {

  static Cluster of(InkComponents.Component component) {
    BitSet labels = new BitSet();
    labels.set(component.label());
    return new Cluster(labels, component.box(), component.area());
  }

  Cluster merge(Cluster other) {
    BitSet both = (BitSet) labels.clone();
    both.or(other.labels);
    return new Cluster(both, box.union(other.box), area + other.area);
  }
}
