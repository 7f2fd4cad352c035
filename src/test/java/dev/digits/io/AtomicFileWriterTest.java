package dev.digits.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
  @TempDir Path dir;

  @Test
  void commitReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.write(dir.resolve("file"), new byte[] {1});

    try (AtomicFileWriter writer = AtomicFileWriter.create(target)) {
      writer.stream().write(new byte[] {2, 3});
      assertThat(Files.readAllBytes(target)).as("untouched until commit").containsExactly(1);
      writer.commit();
    }

    assertThat(Files.readAllBytes(target)).containsExactly(2, 3);
    assertThat(filesIn(dir)).containsExactly("file");
  }

  @Test
  void closingWithoutCommitDeletesTheTemporaryFileAndKeepsTheTarget() throws IOException {
    Path target = Files.write(dir.resolve("file"), new byte[] {1});

    try (AtomicFileWriter writer = AtomicFileWriter.create(target)) {
      writer.stream().write(new byte[70_000]);
      assertThat(filesIn(dir)).hasSize(2);
    }

    assertThat(Files.readAllBytes(target)).containsExactly(1);
    assertThat(filesIn(dir)).containsExactly("file");
  }

  @Test
  void temporaryFileIsHiddenNextToTheTarget() throws IOException {
    try (AtomicFileWriter writer = AtomicFileWriter.create(dir.resolve("data"))) {
      writer.stream().write(1);
      assertThat(filesIn(dir))
          .singleElement()
          .asString()
          .startsWith(".data.")
          .endsWith(AtomicFileWriter.TEMP_SUFFIX);
    }
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
