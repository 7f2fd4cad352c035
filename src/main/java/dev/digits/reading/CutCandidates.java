package dev.digits.reading;

import dev.digits.preprocessing.InkPicture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a cluster might be cut into digits: for each column, the path from its top to its bottom
 * that crosses the least ink while staying near that column (moving at most one pixel sideways a
 * row), so a cut can follow the slant of writing between two digits that lean into each other; the
 * cheapest of them, spread apart, are the candidates. Only candidates: which of them are real cuts
 * is for the classifier to say ({@link SegmentationSearch}).
 */
final class CutCandidates {
  /**
   * Clusters narrower than this share of their height are one digit, never cut: each candidate
   * costs a normalization and a place in the batch, and a lone digit is rarely this wide.
   */
  static final double MIN_SPLIT_WIDTH = 0.8;

  /** No cut closer than this share of the digits' height to the cluster's sides or another cut. */
  static final double MIN_PART = 0.1;

  /** A cut strays at most this share of the digits' height from its column. */
  static final double MAX_STRAY = 0.25;

  /** Digits are expected about this share of their height wide, for how many cuts to try. */
  static final double DIGIT_WIDTH = 0.6;

  static final int MAX_CUTS = 12;

  /** Rows per digit of the grid the cuts are searched on. */
  static final int COARSE_ROWS = 40;

  /** What a sideways step costs, in full-ink pixels crossed: a straight cut wins a tie. */
  private static final double STEP_COST = 0.1;

  private CutCandidates() {}

  /** The cuts to try, left to right; none for a cluster as narrow as one digit. */
  static List<Cut> of(Cluster cluster, double[][] cost, int height) {
    PixelBox box = cluster.box();
    if (box.width() < MIN_SPLIT_WIDTH * box.height()) {
      return List.of();
    }
    int margin = Math.max(1, (int) Math.round(MIN_PART * height));
    int stray = Math.max(1, (int) Math.round(MAX_STRAY * height));
    int expected = Math.max(1, (int) Math.round(box.width() / (DIGIT_WIDTH * height)));
    int wanted = Math.min(MAX_CUTS, 2 * expected + 1);
    // The paths are searched on a grid of about COARSE_ROWS rows per digit: the cost grows with
    // the square of the resolution, and a cut a few pixels off still parts the same strokes.
    int block = Math.max(1, height / COARSE_ROWS);
    double[][] coarse = coarsened(cost, block);
    int coarseMargin = Math.max(1, margin / block);
    int coarseStray = Math.max(1, stray / block);
    int coarseWidth = coarse[0].length;
    List<Cut> seams = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    for (int column = coarseMargin; column < coarseWidth - coarseMargin; column++) {
      double[] seamCost = new double[1];
      int[] path = seam(coarse, column, coarseStray, coarseMargin, seamCost);
      int[] columns = new int[box.height()];
      for (int y = 0; y < columns.length; y++) {
        int x = path[Math.min(path.length - 1, y / block)] * block + block / 2;
        columns[y] = box.x() + Math.max(margin, Math.min(box.width() - margin, x));
      }
      seams.add(new Cut(box.y(), columns));
      costs.add(seamCost[0]);
    }
    List<Integer> order =
        IntStream.range(0, seams.size())
            .boxed()
            .sorted(Comparator.comparingDouble(costs::get))
            .toList();
    List<Cut> cuts = new ArrayList<>();
    for (int i : order) {
      if (cuts.size() == wanted) {
        break;
      }
      Cut seam = seams.get(i);
      if (cuts.stream().allMatch(cut -> apart(seam, cut, Math.max(1, margin / 2)))) {
        cuts.add(seam);
      }
    }
    cuts.sort(Comparator.comparingDouble(cut -> cut.min() + cut.max()));
    return cuts;
  }

  /**
   * How tall the cluster's digits are: the ink's extent down a column, in the columns where it is
   * tallest (the three-quarter quantile). Not the cluster's height, which a baseline drifting
   * across touching digits inflates.
   */
  static int digitHeight(double[][] ink) {
    int width = ink.length == 0 ? 0 : ink[0].length;
    int[] extents = new int[width];
    for (int x = 0; x < width; x++) {
      int top = -1;
      int bottom = -1;
      for (int y = 0; y < ink.length; y++) {
        if (ink[y][x] > 0) {
          top = top < 0 ? y : top;
          bottom = y;
        }
      }
      extents[x] = top < 0 ? 0 : bottom - top + 1;
    }
    Arrays.sort(extents);
    return Math.max(1, extents[(int) (0.75 * (width - 1))]);
  }

  /**
   * Whether two cuts keep at least {@code margin} columns between them on every row, one wholly on
   * the left: cuts that cross or meet would leave a candidate between them with nothing in it.
   */
  private static boolean apart(Cut a, Cut b, int margin) {
    int least = Integer.MAX_VALUE;
    int most = Integer.MIN_VALUE;
    for (int y = a.top(); y < a.top() + a.columns().length; y++) {
      int difference = a.at(y) - b.at(y);
      least = Math.min(least, difference);
      most = Math.max(most, difference);
    }
    return least >= margin || most <= -margin;
  }

  /** The cluster's ink, 0 to 1, in its box: what a cut through each pixel crosses. */
  static double[][] inkOf(Cluster cluster, InkComponents components, InkPicture ink) {
    PixelBox box = cluster.box();
    double[][] cost = new double[box.height()][box.width()];
    for (int y = 0; y < box.height(); y++) {
      for (int x = 0; x < box.width(); x++) {
        int label = components.label(box.x() + x, box.y() + y);
        if (label != InkComponents.NONE && cluster.labels().get(label)) {
          cost[y][x] = ink.at(box.x() + x, box.y() + y) / 255.0;
        }
      }
    }
    return cost;
  }

  /** The ink averaged over blocks of {@code block × block} pixels. */
  private static double[][] coarsened(double[][] ink, int block) {
    int rows = (ink.length + block - 1) / block;
    int columns = (ink[0].length + block - 1) / block;
    double[][] coarse = new double[rows][columns];
    for (int y = 0; y < ink.length; y++) {
      for (int x = 0; x < ink[0].length; x++) {
        coarse[y / block][x / block] += ink[y][x] / (block * block);
      }
    }
    return coarse;
  }

  /**
   * The cheapest path from top to bottom of the grid within {@code stray} columns of {@code column}
   * (and {@code margin} from its sides), by dynamic programming row by row: its column on each row.
   */
  private static int[] seam(double[][] cost, int column, int stray, int margin, double[] total) {
    int rows = cost.length;
    int width = cost[0].length;
    int from = Math.max(margin, column - stray);
    int to = Math.min(width - margin, column + stray + 1);
    int span = to - from;
    double[][] best = new double[rows][span];
    int[][] step = new int[rows][span];
    for (int x = 0; x < span; x++) {
      best[0][x] = cost[0][from + x];
    }
    for (int y = 1; y < rows; y++) {
      for (int x = 0; x < span; x++) {
        double min = Double.MAX_VALUE;
        int arg = 0;
        for (int d = -1; d <= 1; d++) {
          int p = x + d;
          if (p >= 0 && p < span) {
            double c = best[y - 1][p] + (d == 0 ? 0 : STEP_COST);
            if (c < min) {
              min = c;
              arg = d;
            }
          }
        }
        best[y][x] = min + cost[y][from + x];
        step[y][x] = arg;
      }
    }
    int end = 0;
    for (int x = 1; x < span; x++) {
      if (best[rows - 1][x] < best[rows - 1][end]) {
        end = x;
      }
    }
    total[0] = best[rows - 1][end];
    int[] columns = new int[rows];
    for (int y = rows - 1, x = end; y >= 0; y--) {
      columns[y] = from + x;
      x += step[y][x];
    }
    return columns;
  }
}
