package dev.digits.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the connected pieces of ink into clusters, left to right, each one digit or several
 * touching ones.
 *
 * <p>Pieces of one digit lie above one another, not side by side: a 5's flag over its body, the
 * crossbar of a 7, the two strokes of a 4. So pieces sharing at least half the narrower one's
 * columns are merged, whatever their heights, which keeps the order independent of a baseline that
 * drifts or digits of uneven sizes. Small fragments just beside a larger cluster (a stroke that did
 * not quite close) join it; specks far smaller than the digits go.
 */
final class DigitGroups {
  /** Pieces under this share of the largest one's ink are specks. */
  static final double SPECK_SHARE = 0.015;

  /** Pieces sharing this share of the narrower one's columns belong to one digit. */
  static final double SHARED_COLUMNS = 0.5;

  /** A fragment has under this share of the typical cluster's ink … */
  static final double FRAGMENT_AREA = 0.2;

  /** … and under this share of the tallest cluster's height … */
  static final double FRAGMENT_HEIGHT = 0.5;

  /** … and lies within this share of that height from its neighbour. */
  static final double FRAGMENT_GAP = 0.3;

  private DigitGroups() {}

  /** The clusters of {@code components}, left to right. */
  static List<Cluster> of(List<InkComponents.Component> components) {
    int largest = components.stream().mapToInt(InkComponents.Component::area).max().orElse(0);
    List<Cluster> clusters = new ArrayList<>();
    for (InkComponents.Component component : components) {
      if (component.area() >= Math.max(2, SPECK_SHARE * largest)) {
        clusters.add(Cluster.of(component));
      }
    }
    mergeWhile(clusters, DigitGroups::shareColumns);
    int tallest = clusters.stream().mapToInt(c -> c.box().height()).max().orElse(0);
    double typicalArea = median(clusters);
    mergeFragments(clusters, typicalArea, tallest);
    clusters.sort(Comparator.comparingDouble(c -> c.box().centreX()));
    return clusters;
  }

  private interface Together {
    boolean test(Cluster a, Cluster b);
  }

  private static void mergeWhile(List<Cluster> clusters, Together together) {
    boolean merged = true;
    while (merged) {
      merged = false;
      search:
      for (int i = 0; i < clusters.size(); i++) {
        for (int j = i + 1; j < clusters.size(); j++) {
          if (together.test(clusters.get(i), clusters.get(j))) {
            clusters.set(i, clusters.get(i).merge(clusters.remove(j)));
            merged = true;
            break search;
          }
        }
      }
    }
  }

  private static boolean shareColumns(Cluster a, Cluster b) {
    int narrower = Math.min(a.box().width(), b.box().width());
    return a.box().horizontalOverlap(b.box()) >= SHARED_COLUMNS * narrower;
  }

  /** Each fragment joins the nearest cluster beside it, if that is near enough. */
  private static void mergeFragments(List<Cluster> clusters, double typicalArea, int tallest) {
    for (int f = 0; f < clusters.size(); f++) {
      Cluster fragment = clusters.get(f);
      if (!isFragment(fragment, typicalArea, tallest)) {
        continue;
      }
      int nearest = -1;
      int nearestGap = Integer.MAX_VALUE;
      for (int c = 0; c < clusters.size(); c++) {
        int gap = -fragment.box().horizontalOverlap(clusters.get(c).box());
        if (c != f && gap < nearestGap) {
          nearest = c;
          nearestGap = gap;
        }
      }
      if (nearest >= 0 && nearestGap <= FRAGMENT_GAP * tallest) {
        clusters.set(nearest, clusters.get(nearest).merge(fragment));
        clusters.remove(f);
        f = -1;
      }
    }
  }

  private static boolean isFragment(Cluster cluster, double typicalArea, int tallest) {
    return cluster.area() < FRAGMENT_AREA * typicalArea
        && cluster.box().height() < FRAGMENT_HEIGHT * tallest;
  }

  private static double median(List<Cluster> clusters) {
    int[] areas = clusters.stream().mapToInt(Cluster::area).sorted().toArray();
    return areas.length == 0 ? 0 : areas[areas.length / 2];
  }
}
