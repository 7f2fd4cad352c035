package dev.digits;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layering of docs/ARCHITECTURE.md, checked against the compiled classes: what each package may
 * use, from this project and from libraries. The table there and {@link #LAYERS} here must say the
 * same; a test checks that too, so neither can drift.
 */
@AnalyzeClasses(packages = "dev.digits", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  /** A package of this project (with its sub-packages) and what it may use besides the JDK. */
  record Layer(String name, List<String> packages, List<String> libraries) {
    String pattern() {
      return "dev.digits." + name + "..";
    }
  }

  /** Bottom to top, as in the table. */
  static final List<Layer> LAYERS =
      List.of(
          layer("io", packages(), libraries("Jackson")),
          layer("data", packages("io"), libraries()),
          layer("drawing", packages(), libraries()),
          layer("preprocessing.png", packages(), libraries()),
          layer("preprocessing", packages("preprocessing.png", "io"), libraries("TwelveMonkeys")),
          layer("model", packages("io"), libraries("DJL", "Jackson")),
          layer("corpus", packages("data", "drawing", "preprocessing", "model", "io"), libraries()),
          layer("evaluation", packages("corpus", "drawing", "model", "data", "io"), libraries()),
          layer(
              "training",
              packages("evaluation", "corpus", "model", "data", "io"),
              libraries("DJL", "Jackson")),
          layer(
              "study",
              packages("training", "evaluation", "corpus", "model", "data", "io"),
              libraries("DJL", "Jackson")),
          layer("batch", packages("preprocessing", "model", "data", "io"), libraries("Jackson")),
          layer("reading", packages("preprocessing", "model", "io"), libraries()),
          layer(
              "serving",
              packages("reading", "preprocessing", "model", "io"),
              libraries("Javalin", "Jetty", "Micrometer", "Jackson", "JNA", "SLF4J")),
          layer(
              "benchmark",
              packages(
                  "reading",
                  "training",
                  "evaluation",
                  "corpus",
                  "model",
                  "preprocessing",
                  "drawing",
                  "data",
                  "io"),
              libraries("DJL")),
          layer(
              "cli",
              packages(
                  "benchmark",
                  "batch",
                  "serving",
                  "reading",
                  "study",
                  "training",
                  "evaluation",
                  "corpus",
                  "model",
                  "preprocessing",
                  "drawing",
                  "data",
                  "io"),
              libraries("picocli", "Jackson")));

  /** The Java packages behind each library's name in the table. */
  static final Map<String, List<String>> LIBRARY_PACKAGES =
      Map.of(
          "Jackson", List.of("com.fasterxml.jackson.."),
          "DJL", List.of("ai.djl.."),
          "Javalin", List.of("io.javalin..", "kotlin.."),
          "Jetty", List.of("org.eclipse.jetty..", "jakarta.servlet.."),
          "JNA", List.of("com.sun.jna.."),
          "SLF4J", List.of("org.slf4j.."),
          "picocli", List.of("picocli.."),
          "TwelveMonkeys", List.of("com.twelvemonkeys.."),
          "Micrometer", List.of("io.micrometer.."));

  private static final List<String> JDK = List.of("java..", "javax..", "com.sun.management..");

  @ArchTest
  static final ArchRule eachPackageUsesOnlyWhatItsLayerAllows =
      CompositeArchRule.of(LAYERS.stream().map(LayeringTest::allowedDependencies).toList())
          .as("each package uses only what its row in docs/ARCHITECTURE.md allows");

  @ArchTest
  static final ArchRule everyPackageHasALayer =
      classes()
          .should()
          .resideInAnyPackage(LAYERS.stream().map(Layer::pattern).toArray(String[]::new))
          .as("every package is in the table of docs/ARCHITECTURE.md");

  @ArchTest
  static final ArchRule packagesFormNoCycles =
      slices().matching("dev.digits.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheCommandLinePrintsOrExits =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.digits.cli..")
          .should(ACCESS_STANDARD_STREAMS)
          .orShould()
          .callMethod(System.class, "exit", int.class)
          .because("progress goes through listeners, whose console renderings the CLI chooses");

  @ArchTest
  static void architectureDocumentHasTheSameTable(JavaClasses ignored) throws IOException {
    assertThat(documentedLayers(Path.of("docs/ARCHITECTURE.md")))
        .as("the table 'Packages and what each may use' in docs/ARCHITECTURE.md")
        .containsExactlyElementsOf(LAYERS);
  }

  private static ArchRule allowedDependencies(Layer layer) {
    List<String> allowed = new ArrayList<>(JDK);
    allowed.add(layer.pattern());
    layer.packages().forEach(name -> allowed.add("dev.digits." + name + ".."));
    layer.libraries().forEach(library -> allowed.addAll(LIBRARY_PACKAGES.get(library)));
    return classes()
        .that()
        .resideInAPackage(layer.pattern())
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed.toArray(String[]::new))
        .as(
            String.format(
                "dev.digits.%s may depend on %s and the libraries %s",
                layer.name(), layer.packages(), layer.libraries()))
        .allowEmptyShould(true); // a package planned in the table may not exist yet
  }

  /**
   * The rows of the table whose first cell names a package, e.g. {@code | `dev.digits.data` | job |
   * io | — |}.
   */
  private static List<Layer> documentedLayers(Path document) throws IOException {
    List<Layer> layers = new ArrayList<>();
    for (String line : Files.readAllLines(document)) {
      if (line.startsWith("| `dev.digits.")) {
        String[] cells = line.split("\\|");
        String name = cells[1].trim().replace("`", "").substring("dev.digits.".length());
        layers.add(layer(name, names(cells[3]), names(cells[4])));
      }
    }
    return layers;
  }

  private static List<String> names(String cell) {
    String text = cell.trim();
    return text.equals("—") ? List.of() : Stream.of(text.split(",")).map(String::trim).toList();
  }

  private static Layer layer(String name, List<String> packages, List<String> libraries) {
    return new Layer(name, packages, libraries);
  }

  private static List<String> packages(String... names) {
    return List.of(names);
  }

  private static List<String> libraries(String... names) {
    return List.of(names);
  }
}
