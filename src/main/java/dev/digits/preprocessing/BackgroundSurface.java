package dev.digits.preprocessing;

import java.util.Arrays;

/**
 * The brightness of the paper across a photo, as a smooth quadratic surface: lighting falls off
 * across a page and into its corners, so one background level for the whole photo would turn the
 * darker side into ink. The surface is fitted to the paper-side level of each cell of a coarse
 * grid, rejecting cells that stand out from the fit (those that the ink fills), so thick strokes do
 * not drag the paper towards the ink.
 */
final class BackgroundSurface {

  /** Cells along the longer side: coarse enough that most cells are mostly paper. */
  private static final int CELLS_ALONG_LONGER_SIDE = 12;

  private static final int MIN_CELL = 8;

  /** Pixels sampled along each side of a cell; a level per cell needs no more. */
  private static final int SAMPLES_PER_CELL_SIDE = 48;

  /** The paper-side quantile of a cell: ink up to 30 % of a cell leaves it on the paper. */
  private static final double PAPER_QUANTILE = 0.7;

  private static final double MIN_TOLERANCE = 3;
  private static final int ITERATIONS = 6;

  private final double[] coefficients;
  private final double halfWidth;
  private final double halfHeight;

  private BackgroundSurface(double[] coefficients, int width, int height) {
    this.coefficients = Arrays.copyOf(coefficients, 6);
    this.halfWidth = width / 2.0;
    this.halfHeight = height / 2.0;
  }

  static BackgroundSurface fit(byte[] luma, int width, int height, Diagnostics.Polarity polarity) {
    Cells cells = Cells.measure(luma, width, height, polarity);
    double[] coefficients = {median(cells.levels, cells.count)};
    double[] residuals = new double[cells.count];
    boolean[] inliers = new boolean[cells.count];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      for (int i = 0; i < cells.count; i++) {
        residuals[i] = Math.abs(cells.levels[i] - evaluate(coefficients, cells.u[i], cells.v[i]));
      }
      double tolerance = Math.max(MIN_TOLERANCE, 3 * 1.4826 * median(residuals, cells.count));
      int inlierCount = 0;
      for (int i = 0; i < cells.count; i++) {
        inliers[i] = residuals[i] <= tolerance;
        inlierCount += inliers[i] ? 1 : 0;
      }
      coefficients = leastSquares(cells, inliers, inlierCount >= 12 ? 6 : inlierCount >= 4 ? 3 : 1);
    }
    return new BackgroundSurface(coefficients, width, height);
  }

  /** Writes the background level of each pixel of row {@code y} into {@code out}. */
  void row(int y, float[] out) {
    double v = (y + 0.5 - halfHeight) / halfHeight;
    double[] c = coefficients;
    double constant = c[0] + c[2] * v + c[5] * v * v;
    double linear = c[1] + c[4] * v;
    for (int x = 0; x < out.length; x++) {
      double u = (x + 0.5 - halfWidth) / halfWidth;
      double level = constant + u * (linear + c[3] * u);
      out[x] = (float) Math.max(0, Math.min(255, level));
    }
  }

  private static double evaluate(double[] c, double u, double v) {
    double level = c[0];
    if (c.length >= 3) {
      level += c[1] * u + c[2] * v;
    }
    if (c.length == 6) {
      level += c[3] * u * u + c[4] * u * v + c[5] * v * v;
    }
    return level;
  }

  /** Fits {@code terms} basis functions (1; u, v; u², uv, v²) falling back to fewer if singular. */
  private static double[] leastSquares(Cells cells, boolean[] use, int terms) {
    double[][] normal = new double[terms][terms + 1];
    double[] basis = new double[6];
    int used = 0;
    for (int i = 0; i < cells.count; i++) {
      if (!use[i]) {
        continue;
      }
      used++;
      double u = cells.u[i];
      double v = cells.v[i];
      basis[0] = 1;
      basis[1] = u;
      basis[2] = v;
      basis[3] = u * u;
      basis[4] = u * v;
      basis[5] = v * v;
      for (int r = 0; r < terms; r++) {
        for (int c = 0; c < terms; c++) {
          normal[r][c] += basis[r] * basis[c];
        }
        normal[r][terms] += basis[r] * cells.levels[i];
      }
    }
    if (used == 0) {
      return new double[] {median(cells.levels, cells.count)};
    }
    double[] solution = solve(normal, terms);
    if (solution == null) {
      return leastSquares(cells, use, terms == 6 ? 3 : 1);
    }
    return solution;
  }

  /** Gaussian elimination with partial pivoting on an augmented matrix; null if singular. */
  private static double[] solve(double[][] m, int n) {
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-9) {
        return null;
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= factor * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = m[r][n];
      for (int c = r + 1; c < n; c++) {
        sum -= m[r][c] * x[c];
      }
      x[r] = sum / m[r][r];
    }
    return x;
  }

  private static double median(double[] values, int count) {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
  }

  /** The paper-side level of each grid cell and the cell's centre in coordinates from -1 to 1. */
  private static final class Cells {
    final double[] levels;
    final double[] u;
    final double[] v;
    final int count;

    private Cells(double[] levels, double[] u, double[] v, int count) {
      this.levels = levels;
      this.u = u;
      this.v = v;
      this.count = count;
    }

    static Cells measure(byte[] luma, int width, int height, Diagnostics.Polarity polarity) {
      int cell =
          Math.max(
              MIN_CELL,
              (Math.max(width, height) + CELLS_ALONG_LONGER_SIDE - 1) / CELLS_ALONG_LONGER_SIDE);
      int across = (width + cell - 1) / cell;
      int down = (height + cell - 1) / cell;
      int step = Math.max(1, cell / SAMPLES_PER_CELL_SIDE);
      int[] histograms = new int[across * down * 256];
      int[] cellColumn = new int[width];
      for (int x = 0; x < width; x++) {
        cellColumn[x] = x / cell;
      }
      for (int y = 0; y < height; y += step) {
        int rowBase = (y / cell) * across;
        int offset = y * width;
        for (int x = 0; x < width; x += step) {
          histograms[(rowBase + cellColumn[x]) * 256 + (luma[offset + x] & 0xFF)]++;
        }
      }
      double quantile =
          polarity == Diagnostics.Polarity.DARK_INK_ON_LIGHT ? PAPER_QUANTILE : 1 - PAPER_QUANTILE;
      double[] levels = new double[across * down];
      double[] u = new double[levels.length];
      double[] v = new double[levels.length];
      int count = 0;
      for (int cy = 0; cy < down; cy++) {
        for (int cx = 0; cx < across; cx++) {
          int base = (cy * across + cx) * 256;
          int samples = 0;
          for (int level = 0; level < 256; level++) {
            samples += histograms[base + level];
          }
          if (samples == 0) {
            continue;
          }
          int wanted = Math.max(1, (int) Math.ceil(quantile * samples));
          int seen = 0;
          int level = 0;
          while (seen + histograms[base + level] < wanted) {
            seen += histograms[base + level];
            level++;
          }
          double centreX = (cx * cell + Math.min(width, (cx + 1) * cell)) / 2.0;
          double centreY = (cy * cell + Math.min(height, (cy + 1) * cell)) / 2.0;
          levels[count] = level;
          u[count] = (centreX - width / 2.0) / (width / 2.0);
          v[count] = (centreY - height / 2.0) / (height / 2.0);
          count++;
        }
      }
      return new Cells(levels, u, v, count);
    }
  }
}
