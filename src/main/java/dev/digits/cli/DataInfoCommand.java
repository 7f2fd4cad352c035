package dev.digits.cli;

import dev.digits.data.CacheInspector;
import dev.digits.data.CacheReport;
import dev.digits.data.MnistFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code digits data info}: what the cache holds, checked but not changed. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where the MNIST cache is and, for each file: present?, size, SHA-256 OK?,"
          + " number of images or labels; then how many training and test images show each digit.",
      "Changes nothing; `digits data fetch` fills the gaps."
    })
final class DataInfoCommand implements Callable<Integer> {
  @Mixin CacheOption cache;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CacheReport report = CacheInspector.inspect(cache.resolve());
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "MNIST cache: "
            + report.directory()
            + " ("
            + cache.origin()
            + (report.exists() ? "" : ", does not exist yet")
            + ")");
    for (CacheReport.FileReport file : report.files()) {
      out.println("  " + describe(file));
    }
    printClassCounts(out, report);
    out.println(verdict(report));
    out.flush();
    return 0;
  }

  private static String describe(CacheReport.FileReport file) {
    String name = String.format(Locale.ROOT, "%-25s", file.file().fileName());
    if (!file.present()) {
      return name + "missing";
    }
    return String.format(
        Locale.ROOT,
        "%s%,12d bytes  %-15s %s",
        name,
        file.size(),
        file.sha256Ok() ? "SHA-256 OK" : "SHA-256 WRONG",
        file.contents());
  }

  private static void printClassCounts(PrintWriter out, CacheReport report) {
    List<Integer> train = report.file(MnistFile.TRAIN_LABELS).classCounts();
    List<Integer> test = report.file(MnistFile.TEST_LABELS).classCounts();
    if (train.isEmpty() && test.isEmpty()) {
      return;
    }
    out.println("  images per digit  " + row(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    if (!train.isEmpty()) {
      out.println("  train             " + row(train));
    }
    if (!test.isEmpty()) {
      out.println("  test              " + row(test));
    }
  }

  private static String row(List<Integer> values) {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, "%6d", v))
        .collect(Collectors.joining());
  }

  private static String verdict(CacheReport report) {
    if (report.complete()) {
      return "All four files are present and verified.";
    }
    StringBuilder text = new StringBuilder();
    if (!report.missing().isEmpty()) {
      text.append("Missing: ").append(names(report.missing())).append(". ");
    }
    if (!report.damaged().isEmpty()) {
      text.append("Damaged: ").append(names(report.damaged())).append(". ");
    }
    return text.append("Run `digits data fetch` to get them.").toString();
  }

  private static String names(List<MnistFile> files) {
    return files.stream().map(MnistFile::fileName).collect(Collectors.joining(", "));
  }
}
