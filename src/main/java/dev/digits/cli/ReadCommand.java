package dev.digits.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.digits.io.Json;
import dev.digits.model.DjlEnvironment;
import dev.digits.model.Prediction;
import dev.digits.model.TorchClassifier;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;
import dev.digits.reading.NumberReader;
import dev.digits.reading.NumberReading;
import dev.digits.reading.PixelBox;
import dev.digits.reading.ReadDigit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code digits read}: the number written in each image. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Read the number written in each image (PNG or JPEG): prints 'IMAGE: NUMBER' and each"
          + " digit's confidence, a '?' after a digit the model declined.",
      "",
      "--json prints the whole answer instead, one JSON object per image and line, in the shape"
          + " of POST /api/read plus the image's path. An image that cannot be read is named on"
          + " standard error, the others are still read, and the exit code is 1."
    })
final class ReadCommand implements Callable<Integer> {
  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPEG files.")
  List<Path> images;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "default",
      description = "Model file or bundled model name. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--json", description = "Print the whole answer as JSON, one line per image.")
  boolean json;

  @Spec CommandSpec spec;

  /** The answer of one image, in the shape of {@code POST /api/read}. */
  record Answer(String image, String number, double confidence, List<Digit> digits, String model) {
    static Answer of(Path image, NumberReading reading) {
      return new Answer(
          image.toString(),
          reading.number(),
          reading.confidence(),
          reading.digits().stream().map(Digit::of).toList(),
          reading.model().name());
    }
  }

  /** One digit of an {@link Answer}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Digit(
      int digit,
      float confidence,
      boolean accepted,
      String reason,
      List<Prediction.Ranked> top,
      PixelBox box) {
    static Digit of(ReadDigit digit) {
      return new Digit(
          digit.digit(),
          digit.confidence(),
          digit.decision().accepted(),
          digit.decision().accepted() ? null : digit.decision().reason().id(),
          digit.prediction().top(3),
          digit.box());
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DjlEnvironment.configure(1);
    NumberReader reader = new NumberReader(new DigitPreprocessor(PreprocessingLimits.DEFAULT));
    int exitCode = 0;
    try (TorchClassifier classifier = ModelArgument.open(model)) {
      for (Path image : images) {
        try {
          byte[] bytes = Files.readAllBytes(image);
          NumberReading reading = reader.read(classifier, p -> p.inkFromEncoded(bytes));
          out.println(
              json
                  ? Json.responses().writeValueAsString(Answer.of(image, reading))
                  : image + ": " + reading.number() + "  " + digits(reading));
        } catch (IOException | PreprocessingException e) {
          err.println("digits: " + image + ": " + e.getMessage());
          exitCode = DigitsCommand.EXIT_USER_ERROR;
        }
        out.flush();
        err.flush();
      }
    }
    return exitCode;
  }

  /** "(4 0.99, 2 0.97?)": each digit's confidence, a ? after one the model declined. */
  private static String digits(NumberReading reading) {
    return reading.digits().stream()
        .map(
            digit ->
                String.format(
                    Locale.ROOT,
                    "%d %.2f%s",
                    digit.digit(),
                    digit.confidence(),
                    digit.decision().accepted() ? "" : "?"))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
