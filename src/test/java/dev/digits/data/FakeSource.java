package dev.digits.data;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A source whose answer per file is scripted, and which records what it was asked. */
final class FakeSource implements MnistSource {
  /** What the source does when asked for a file. */
  interface Behaviour {
    void fetch(MnistFile file, OutputStream out) throws IOException;
  }

  private final String name;
  private final Behaviour behaviour;
  final List<MnistFile> calls = new ArrayList<>();

  FakeSource(String name, Behaviour behaviour) {
    this.name = name;
    this.behaviour = behaviour;
  }

  /** Delivers the given bytes for every file. */
  static FakeSource serving(String name, Function<MnistFile, byte[]> bytes) {
    return new FakeSource(name, (file, out) -> out.write(bytes.apply(file)));
  }

  /** Fails every file with {@code reason}. */
  static FakeSource failing(String name, String reason) {
    return new FakeSource(
        name,
        (file, out) -> {
          throw new IOException(reason);
        });
  }

  /** Writes the first half of each file, then fails, as a connection dropped mid-download would. */
  static FakeSource failingHalfway(String name, Function<MnistFile, byte[]> bytes) {
    return new FakeSource(
        name,
        (file, out) -> {
          byte[] all = bytes.apply(file);
          out.write(all, 0, all.length / 2);
          out.flush();
          throw new IOException("connection reset");
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void fetch(MnistFile file, OutputStream out, FetchListener listener) throws IOException {
    calls.add(file);
    behaviour.fetch(file, out);
  }
}
