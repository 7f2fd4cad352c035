package dev.digits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorTest {
  @Test
  void namesTheFirstProcessorWithItsFamilyAndModel() {
    List<String> cpuinfo =
        List.of(
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "cpu family\t: 26",
            "model\t\t: 2",
            "model name\t: AMD EPYC",
            "stepping\t: 1",
            "",
            "processor\t: 1",
            "cpu family\t: 6",
            "model\t\t: 143",
            "model name\t: Intel(R) Xeon(R) Platinum 8480C");

    assertThat(Processor.describe(cpuinfo)).isEqualTo("AMD EPYC (family 26, model 2)");
  }

  @Test
  void fallsBackToTheArchitectureWithoutAModelName() {
    assertThat(Processor.describe(List.of("processor\t: 0", "Features\t: fp asimd")))
        .isEqualTo(System.getProperty("os.arch"));
  }
}
