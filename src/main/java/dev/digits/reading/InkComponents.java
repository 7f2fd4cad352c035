package dev.digits.reading;

import dev.digits.preprocessing.InkPicture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The connected pieces of ink in a picture (8-connected), each pixel labelled with its piece.
 *
 * <p>Pieces are found among stroke pixels (ink at {@link InkPicture#strokeLevel()} or more), so the
 * faint anti-aliased fringes of two digits that nearly touch do not join them; each fringe pixel
 * then goes to a stroke beside it, so a digit cut out keeps its soft edge.
 */
final class InkComponents {
  static final int NONE = -1;

  private final int width;
  private final int height;
  private final int[] labels;
  private final List<Component> components;

  /** One piece: its box and its count of stroke pixels. */
  record Component(int label, PixelBox box, int area) {}

  private InkComponents(int width, int height, int[] labels, List<Component> components) {
    this.width = width;
    this.height = height;
    this.labels = labels;
    this.components = components;
  }

  static InkComponents of(InkPicture ink) {
    int width = ink.width();
    int height = ink.height();
    int level = InkPicture.strokeLevel();
    byte[] values = ink.copyOfInk();
    int[] labels = new int[width * height];
    Arrays.fill(labels, NONE);
    List<Component> components = new ArrayList<>();
    int[] stack = new int[width * height];
    for (int start = 0; start < labels.length; start++) {
      if ((values[start] & 0xFF) < level || labels[start] != NONE) {
        continue;
      }
      int label = components.size();
      int left = width;
      int top = height;
      int right = -1;
      int bottom = -1;
      int area = 0;
      int size = 0;
      stack[size++] = start;
      labels[start] = label;
      while (size > 0) {
        int i = stack[--size];
        int x = i % width;
        int y = i / width;
        area++;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
              continue;
            }
            int n = ny * width + nx;
            if (labels[n] == NONE && (values[n] & 0xFF) >= level) {
              labels[n] = label;
              stack[size++] = n;
            }
          }
        }
      }
      components.add(
          new Component(label, new PixelBox(left, top, right - left + 1, bottom - top + 1), area));
    }
    attachFringes(values, labels, width, height);
    return new InkComponents(width, height, labels, List.copyOf(components));
  }

  /** Gives each faint pixel the piece of a stroke pixel beside it, if any. */
  private static void attachFringes(byte[] ink, int[] labels, int width, int height) {
    int level = InkPicture.strokeLevel();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int value = ink[y * width + x] & 0xFF;
        if (value == 0 || value >= level) {
          continue;
        }
        search:
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
              int n = ny * width + nx;
              if ((ink[n] & 0xFF) >= level && labels[n] != NONE) {
                labels[y * width + x] = labels[n];
                break search;
              }
            }
          }
        }
      }
    }
  }

  List<Component> components() {
    return components;
  }

  /** The piece pixel (x, y) belongs to, or {@link #NONE}. */
  int label(int x, int y) {
    return labels[y * width + x];
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
