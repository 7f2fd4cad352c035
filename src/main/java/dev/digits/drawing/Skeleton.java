package dev.digits.drawing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The centre lines of a binary image: thinning to one-pixel lines (Zhang–Suen), and tracing those
 * lines into polylines a pen could follow. Used to redraw glyphs — font letters, MNIST digits — as
 * strokes of any pen.
 */
public final class Skeleton {
  private static final int[] DX = {1, 0, -1, 0, 1, -1, -1, 1};
  private static final int[] DY = {0, 1, 0, -1, 1, 1, -1, -1};

  private Skeleton() {}

  /**
   * Zhang–Suen thinning, in place: peels boundary pixels of {@code on} (row-major, {@code width ×
   * height}) until one-pixel lines are left. Pixels on the image's edge are never peeled, so leave
   * a margin.
   */
  public static void thin(boolean[] on, int width, int height) {
    boolean[] remove = new boolean[on.length];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int pass = 0; pass < 2; pass++) {
        int removed = 0;
        for (int y = 1; y < height - 1; y++) {
          for (int x = 1; x < width - 1; x++) {
            int i = y * width + x;
            if (!on[i]) {
              continue;
            }
            // Neighbours P2..P9 clockwise from north.
            boolean p2 = on[i - width];
            boolean p3 = on[i - width + 1];
            boolean p4 = on[i + 1];
            boolean p5 = on[i + width + 1];
            boolean p6 = on[i + width];
            boolean p7 = on[i + width - 1];
            boolean p8 = on[i - 1];
            boolean p9 = on[i - width - 1];
            int count = b(p2) + b(p3) + b(p4) + b(p5) + b(p6) + b(p7) + b(p8) + b(p9);
            if (count < 2 || count > 6) {
              continue;
            }
            int transitions =
                t(p2, p3) + t(p3, p4) + t(p4, p5) + t(p5, p6) + t(p6, p7) + t(p7, p8) + t(p8, p9)
                    + t(p9, p2);
            if (transitions != 1) {
              continue;
            }
            boolean peel =
                pass == 0
                    ? !(p2 && p4 && p6) && !(p4 && p6 && p8)
                    : !(p2 && p4 && p8) && !(p2 && p6 && p8);
            if (peel) {
              remove[i] = true;
              removed++;
            }
          }
        }
        if (removed > 0) {
          changed = true;
          for (int i = 0; i < on.length; i++) {
            if (remove[i]) {
              on[i] = false;
              remove[i] = false;
            }
          }
        }
      }
    }
  }

  /**
   * The centre lines of the shapes in {@code mask} as pen paths: thinned (on a copy), traced, and
   * thinned out to every {@code step}-th point (ends kept).
   *
   * @return polylines as {@code {xs, ys}} pairs in the mask's pixels
   */
  public static List<double[][]> centreLines(boolean[] mask, int width, int height, int step) {
    boolean[] on = mask.clone();
    thin(on, width, height);
    List<double[][]> lines = new ArrayList<>();
    for (double[][] line : trace(on, width, height)) {
      lines.add(everyNth(line, step));
    }
    return lines;
  }

  private static double[][] everyNth(double[][] line, int step) {
    int n = line[0].length;
    if (n <= 2 || step <= 1) {
      return line;
    }
    int kept = (n - 1 + step - 1) / step + 1;
    double[] xs = new double[kept];
    double[] ys = new double[kept];
    for (int k = 0; k < kept; k++) {
      int i = Math.min(k * step, n - 1);
      xs[k] = line[0][i];
      ys[k] = line[1][i];
    }
    return new double[][] {xs, ys};
  }

  /**
   * The one-pixel lines of a thinned image as polylines through pixel centres: each runs from an
   * end or a junction to the next end or junction; a closed loop becomes a polyline that returns to
   * its start; a lone pixel a polyline of one point.
   *
   * @return polylines as {@code {xs, ys}} pairs
   */
  public static List<double[][]> trace(boolean[] on, int width, int height) {
    int[] degree = new int[on.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (on[y * width + x]) {
          degree[y * width + x] = neighbours(on, width, height, x, y).size();
        }
      }
    }
    List<double[][]> lines = new ArrayList<>();
    boolean[] visited = new boolean[on.length];
    Set<Long> walkedEdges = new HashSet<>();
    for (int i = 0; i < on.length; i++) {
      if (!on[i] || degree[i] == 2) {
        continue;
      }
      visited[i] = true;
      if (degree[i] == 0) {
        lines.add(toLine(List.of(i), width));
        continue;
      }
      for (int next : neighbours(on, width, height, i % width, i / width)) {
        if (walkedEdges.contains(edge(i, next))) {
          continue;
        }
        lines.add(toLine(walk(on, degree, visited, walkedEdges, width, height, i, next), width));
      }
    }
    // What is left are closed loops without any end or junction.
    for (int i = 0; i < on.length; i++) {
      if (on[i] && !visited[i]) {
        visited[i] = true;
        int next = neighbours(on, width, height, i % width, i / width).get(0);
        lines.add(toLine(walk(on, degree, visited, walkedEdges, width, height, i, next), width));
      }
    }
    return lines;
  }

  /**
   * Pixels from {@code start} through {@code next} until a pixel that is not a plain link (an end,
   * a junction, or back at a visited pixel).
   */
  private static List<Integer> walk(
      boolean[] on,
      int[] degree,
      boolean[] visited,
      Set<Long> walkedEdges,
      int width,
      int height,
      int start,
      int next) {
    List<Integer> chain = new ArrayList<>();
    chain.add(start);
    int previous = start;
    int current = next;
    while (true) {
      walkedEdges.add(edge(previous, current));
      chain.add(current);
      if (degree[current] != 2 || visited[current]) {
        return chain;
      }
      visited[current] = true;
      int following = -1;
      for (int candidate : neighbours(on, width, height, current % width, current / width)) {
        if (candidate != previous && !walkedEdges.contains(edge(current, candidate))) {
          following = candidate;
          break;
        }
      }
      if (following < 0) {
        return chain;
      }
      previous = current;
      current = following;
    }
  }

  /** The on-pixels among the 8 neighbours, the 4 edge neighbours first. */
  private static List<Integer> neighbours(boolean[] on, int width, int height, int x, int y) {
    List<Integer> found = new ArrayList<>(8);
    for (int k = 0; k < 8; k++) {
      int nx = x + DX[k];
      int ny = y + DY[k];
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && on[ny * width + nx]) {
        // A diagonal neighbour also reachable through an edge neighbour is not a separate link.
        if (k >= 4 && (on[y * width + nx] || on[ny * width + x])) {
          continue;
        }
        found.add(ny * width + nx);
      }
    }
    return found;
  }

  private static long edge(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private static double[][] toLine(List<Integer> pixels, int width) {
    double[] xs = new double[pixels.size()];
    double[] ys = new double[pixels.size()];
    for (int i = 0; i < pixels.size(); i++) {
      xs[i] = pixels.get(i) % width;
      ys[i] = pixels.get(i) / width;
    }
    return new double[][] {xs, ys};
  }

  private static int b(boolean value) {
    return value ? 1 : 0;
  }

  private static int t(boolean from, boolean to) {
    return !from && to ? 1 : 0;
  }
}
