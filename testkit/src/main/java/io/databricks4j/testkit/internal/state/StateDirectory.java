package io.databricks4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Blob;
import io.databricks4j.testkit.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A directory that keeps the state of one emulator across restarts: {@code <name>.json} per
 * {@link Durable}, file contents under {@code blobs/}, and {@code format.json}. Written through:
 * {@link #save} writes the files whose JSON changed since the last save, each replaced atomically,
 * contents before the JSON that names them, so that a killed emulator leaves complete files.
 */
public final class StateDirectory implements BlobShelf {
  static final int FORMAT = 1;

  private final Path dir;
  private final Path blobs;
  private final Map<String, byte[]> written = new HashMap<>();
  private Map<Blob, String> names = new IdentityHashMap<>();
  private Map<Blob, String> shelvedNow = new IdentityHashMap<>();

  private StateDirectory(Path dir) {
    this.dir = dir;
    this.blobs = dir.resolve("blobs");
  }

  /** Opens {@code dir}, creating it when absent; refuses one written in another format. */
  public static StateDirectory open(Path dir) {
    StateDirectory d = new StateDirectory(dir.toAbsolutePath().normalize());
    try {
      Files.createDirectories(d.blobs);
      Path format = d.dir.resolve("format.json");
      if (Files.exists(format)) {
        int found = Json.parse(Files.readString(format)).path("format").asInt(-1);
        if (found != FORMAT) {
          throw new IllegalStateException("the state directory " + d.dir + " has format " + found
              + ", this emulator reads format " + FORMAT + "; start it with an empty directory");
        }
      } else {
        d.replace(format, Json.bytes(Json.object("format", FORMAT, "written_by", "databricks4j testkit")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + d.dir + " as a state directory; check that it is a writable "
          + "directory", e);
    }
    return d;
  }

  public Path path() {
    return dir;
  }

  /** Restores each durable whose file exists; whether there was any. */
  public synchronized boolean load(List<Durable> durables) {
    boolean any = false;
    for (Durable d : durables) {
      Path file = file(d);
      if (!Files.exists(file)) {
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(file);
        d.restore(Json.MAPPER.readTree(bytes), this);
        written.put(d.stateName(), bytes);
        any = true;
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot restore " + file + ": " + e.getMessage()
            + "; fix or delete the file, or start with another state directory", e);
      }
    }
    names.putAll(shelvedNow);
    shelvedNow = new IdentityHashMap<>();
    return any;
  }

  /** Writes what changed since the last save. */
  public synchronized void save(List<Durable> durables) {
    try {
      for (Durable d : durables) {
        byte[] bytes = Json.bytes(d.snapshot(this));
        if (!Arrays.equals(bytes, written.get(d.stateName()))) {
          replace(file(d), bytes);
          written.put(d.stateName(), bytes);
        }
      }
      collectUnused();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state directory " + dir + "; check free space and rights", e);
    }
  }

  @Override
  public String put(Blob blob) {
    String name = names.get(blob);
    if (name == null) {
      name = shelvedNow.get(blob);
    }
    if (name == null) {
      name = UUID.randomUUID().toString();
      try (InputStream in = blob.open(0)) {
        Path tmp = blobs.resolve(name + ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        move(tmp, blobs.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the contents of a file to " + blobs, e);
      }
    }
    shelvedNow.put(blob, name);
    return name;
  }

  @Override
  public InputStream open(String name) throws IOException {
    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IOException("not the name of shelved contents: " + name);
    }
    return Files.newInputStream(blobs.resolve(name));
  }

  @Override
  public void restored(Blob blob, String name) {
    shelvedNow.put(blob, name);
  }

  /** Forgets blobs no snapshot of this save named, and deletes their files. */
  private void collectUnused() throws IOException {
    names = shelvedNow;
    shelvedNow = new IdentityHashMap<>();
    Set<String> kept = new HashSet<>(names.values());
    try (Stream<Path> files = Files.list(blobs)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!kept.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private Path file(Durable d) {
    return dir.resolve(d.stateName() + ".json");
  }

  private void replace(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    move(tmp, target);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
