package dev.digits.data;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event as a line of text, for assertions. */
final class RecordingListener implements FetchListener {
  final List<String> events = new ArrayList<>();
  final List<long[]> progress = new ArrayList<>();

  @Override
  public void note(String message) {
    events.add("note " + message);
  }

  @Override
  public void cached(MnistFile file) {
    events.add("cached " + file.fileName());
  }

  @Override
  public void cacheRejected(MnistFile file, String reason) {
    events.add("cacheRejected " + file.fileName() + " " + reason);
  }

  @Override
  public void attempt(MnistFile file, String source) {
    events.add("attempt " + file.fileName() + " " + source);
  }

  @Override
  public void progress(MnistFile file, long bytesDone, long totalBytes) {
    progress.add(new long[] {bytesDone, totalBytes});
  }

  @Override
  public void failed(MnistFile file, String source, String reason) {
    events.add("failed " + file.fileName() + " " + source + ": " + reason);
  }

  @Override
  public void fetched(MnistFile file, String source, long bytes) {
    events.add("fetched " + file.fileName() + " " + source);
  }

  List<String> startingWith(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).toList();
  }
}
