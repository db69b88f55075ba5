package io.databricks4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one emulator as a whole: the snapshot of the fresh workspace that
 * {@link #reset()} goes back to, and the state directory, if any, loaded at start and written
 * after every change.
 */
public final class ServerState {
  private final List<Durable> durables;
  private final List<Resettable> resettables;
  private final MemoryShelf memory = new MemoryShelf();
  private final Map<String, JsonNode> fresh;
  private final StateDirectory directory;
  private final boolean restored;

  /** Takes the fresh snapshot, then restores what {@code directory} (null for none) holds. */
  public ServerState(List<Durable> durables, List<Resettable> resettables, Path directory) {
    this.durables = List.copyOf(durables);
    this.resettables = List.copyOf(resettables);
    this.fresh = snapshot(memory);
    if (directory == null) {
      this.directory = null;
      this.restored = false;
    } else {
      this.directory = StateDirectory.open(directory);
      this.restored = this.directory.load(this.durables);
      this.directory.save(this.durables);
    }
  }

  /** Writes what changed to the state directory; nothing without one. */
  public void changed() {
    if (directory != null) {
      directory.save(durables);
    }
  }

  /** Back to the records of a fresh workspace, in the state directory too. */
  public synchronized void reset() {
    for (Durable d : durables) {
      d.restore(fresh.get(d.stateName()), memory);
    }
    resettables.forEach(Resettable::reset);
    changed();
  }

  /** The state directory, or null. */
  public Path directory() {
    return directory == null ? null : directory.path();
  }

  /** Whether the state directory held state at start. */
  public boolean restored() {
    return restored;
  }

  /** Every durable's snapshot by name, file contents on the heap; for tests of the emulations. */
  public Map<String, JsonNode> snapshot() {
    return snapshot(new MemoryShelf());
  }

  private Map<String, JsonNode> snapshot(BlobShelf shelf) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Durable d : durables) {
      if (out.put(d.stateName(), d.snapshot(shelf)) != null) {
        throw new IllegalStateException("two durables named " + d.stateName());
      }
    }
    return out;
  }
}
