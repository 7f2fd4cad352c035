package dev.digits.reading;

import dev.digits.preprocessing.InkPicture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a cluster might be cut into digits: the valleys of its vertical projection (the stroke
 * pixels per column), where neighbouring digits touch by a stroke or two. Only candidates: which of
 * them are real cuts is for the classifier to say ({@link SegmentationSearch}).
 */
final class CutCandidates {
  /** Clusters narrower than this share of their height are one digit, never cut. */
  static final double MIN_SPLIT_WIDTH = 0.6;

  /** No cut closer than this share of the cluster's height to its sides or to another cut. */
  static final double MIN_PART = 0.15;

  /** Digits are expected about this share of their height wide, for how many cuts to try. */
  static final double DIGIT_WIDTH = 0.6;

  static final int MAX_CUTS = 12;

  private CutCandidates() {}

  /** The columns to try cutting at, left to right; none for a cluster as narrow as one digit. */
  static List<Integer> of(Cluster cluster, InkComponents components, InkPicture ink) {
    PixelBox box = cluster.box();
    if (box.width() < MIN_SPLIT_WIDTH * box.height()) {
      return List.of();
    }
    int[] projection = projection(cluster, components, ink);
    int margin = Math.max(1, (int) Math.round(MIN_PART * box.height()));
    int expected = Math.max(1, (int) Math.round(box.width() / (DIGIT_WIDTH * box.height())));
    int wanted = Math.min(MAX_CUTS, 2 * expected + 1);
    int[] smoothed = new int[projection.length];
    for (int i = 0; i < projection.length; i++) {
      smoothed[i] =
          projection[i]
              + (i > 0 ? projection[i - 1] : 0)
              + (i + 1 < projection.length ? projection[i + 1] : 0);
    }
    List<Integer> valleys =
        IntStream.range(margin, projection.length - margin)
            .filter(i -> smoothed[i] <= smoothed[i - 1] && smoothed[i] <= smoothed[i + 1])
            .boxed()
            .sorted(Comparator.comparingInt(i -> smoothed[i]))
            .toList();
    List<Integer> cuts = new ArrayList<>();
    for (int valley : valleys) {
      if (cuts.size() == wanted) {
        break;
      }
      if (cuts.stream().allMatch(cut -> Math.abs(cut - valley) >= margin)) {
        cuts.add(valley);
      }
    }
    return cuts.stream().map(i -> box.x() + i).sorted().toList();
  }

  private static int[] projection(Cluster cluster, InkComponents components, InkPicture ink) {
    PixelBox box = cluster.box();
    int level = InkPicture.strokeLevel();
    int[] projection = new int[box.width()];
    for (int y = box.y(); y < box.bottom(); y++) {
      for (int x = box.x(); x < box.right(); x++) {
        int label = components.label(x, y);
        if (label != InkComponents.NONE && cluster.labels().get(label) && ink.at(x, y) >= level) {
          projection[x - box.x()]++;
        }
      }
    }
    return projection;
  }
}
