package dev.digits.study;

import dev.digits.evaluation.EvaluationResult.Mistake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which test images the variants get wrong together and which only one of them gets wrong. Images
 * are identified by their index in the MNIST test set; every list is in ascending index order.
 *
 * @param union images at least one variant gets wrong
 * @param sharedByAll images every variant gets wrong
 * @param uniqueTo variant id → images only that variant gets wrong
 * @param pairwise for each pair of variants, how many images both get wrong
 * @param wrongInExactly element k: test images exactly k variants get wrong (k = 0 … variants)
 */
public record MistakeOverlap(
    List<Integer> union,
    List<Integer> sharedByAll,
    Map<String, List<Integer>> uniqueTo,
    List<PairOverlap> pairwise,
    int[] wrongInExactly) {

  /**
   * Mistakes two variants share.
   *
   * @param a one variant's id
   * @param b the other's
   * @param shared images both get wrong
   */
  public record PairOverlap(String a, String b, int shared) {}

  /** Compares the mistakes of {@code variants} on a test set of {@code testImages} images. */
  static MistakeOverlap of(List<VariantResult> variants, int testImages) {
    Map<String, Set<Integer>> wrong = new LinkedHashMap<>();
    for (VariantResult variant : variants) {
      Set<Integer> indices = new TreeSet<>();
      variant.mistakes().stream().map(Mistake::index).forEach(indices::add);
      wrong.put(variant.id(), indices);
    }
    Map<Integer, Integer> timesWrong = new HashMap<>();
    wrong.values().forEach(set -> set.forEach(index -> timesWrong.merge(index, 1, Integer::sum)));

    Set<Integer> union = new TreeSet<>(timesWrong.keySet());
    List<Integer> sharedByAll =
        union.stream().filter(index -> timesWrong.get(index) == variants.size()).toList();
    Map<String, List<Integer>> uniqueTo = new LinkedHashMap<>();
    wrong.forEach(
        (id, set) ->
            uniqueTo.put(id, set.stream().filter(index -> timesWrong.get(index) == 1).toList()));
    List<PairOverlap> pairwise = new ArrayList<>();
    List<String> ids = List.copyOf(wrong.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        Set<Integer> both = new TreeSet<>(wrong.get(ids.get(i)));
        both.retainAll(wrong.get(ids.get(j)));
        pairwise.add(new PairOverlap(ids.get(i), ids.get(j), both.size()));
      }
    }
    int[] wrongInExactly = new int[variants.size() + 1];
    timesWrong.values().forEach(times -> wrongInExactly[times]++);
    wrongInExactly[0] = testImages - union.size();
    return new MistakeOverlap(List.copyOf(union), sharedByAll, uniqueTo, pairwise, wrongInExactly);
  }

  /** How many images both variants get wrong. */
  public int shared(String a, String b) {
    return pairwise.stream()
        .filter(p -> p.a().equals(a) && p.b().equals(b) || p.a().equals(b) && p.b().equals(a))
        .mapToInt(PairOverlap::shared)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pair " + a + ", " + b));
  }
}
