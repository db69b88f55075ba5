package io.databricks4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.databricks4j.testkit.internal.state.BlobShelf;
import io.databricks4j.testkit.internal.state.Durable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The file system behind DBFS and the Files API: one tree, so a file uploaded through one is seen
 * through the other, as {@code /Volumes/...} paths are on Databricks. Contents above
 * {@link #SPILL_THRESHOLD} live in a temporary directory removed on {@link #close()}.
 */
public final class FileStore implements AutoCloseable, Durable {
  public static final int SPILL_THRESHOLD = 1024 * 1024;

  /** Why an operation on the tree failed; DBFS and the Files API word it differently. */
  public enum Problem { NOT_FOUND, ALREADY_EXISTS, NOT_A_DIRECTORY, IS_A_DIRECTORY, NOT_EMPTY, INVALID_PATH }

  /** A failed operation on the tree. */
  public static final class FileStoreException extends RuntimeException {
    private final Problem problem;
    private final String path;

    FileStoreException(Problem problem, String path) {
      super(problem + ": " + path, null, false, false);
      this.problem = problem;
      this.path = path;
    }

    public Problem problem() {
      return problem;
    }

    public String path() {
      return path;
    }
  }

  /** A file or directory. */
  public record Entry(String path, boolean directory, Blob blob, long modifiedMillis) {
    public long size() {
      return directory ? 0 : blob.size();
    }

    public String name() {
      return path.equals("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private final NavigableMap<String, Entry> entries = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private Path spillDirectory;

  public FileStore(Clock clock) {
    this.clock = clock;
    entries.put("/", new Entry("/", true, Blob.EMPTY, clock.millis()));
  }

  /** {@code path} with a single slash between segments and none at the end; {@code ..} is refused. */
  public static String normalize(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new FileStoreException(Problem.INVALID_PATH, String.valueOf(path));
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") || segment.indexOf('\0') >= 0) {
        throw new FileStoreException(Problem.INVALID_PATH, path);
      }
      out.append('/').append(segment);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  public BlobWriter newWriter() {
    return new BlobWriter(SPILL_THRESHOLD, this::spillDirectory);
  }

  /** The entry at {@code path}, or null. */
  public Entry get(String path) {
    String p = normalize(path);
    lock.readLock().lock();
    try {
      return entries.get(p);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The entries directly under a directory, by name. */
  public List<Entry> children(String path) {
    String p = normalize(path);
    lock.readLock().lock();
    try {
      Entry dir = entries.get(p);
      if (dir == null) {
        throw new FileStoreException(Problem.NOT_FOUND, p);
      }
      if (!dir.directory()) {
        throw new FileStoreException(Problem.NOT_A_DIRECTORY, p);
      }
      String prefix = p.equals("/") ? "/" : p + "/";
      List<Entry> children = new ArrayList<>();
      for (Entry e : subtree(p).values()) {
        if (!e.path().equals(p) && e.path().indexOf('/', prefix.length()) < 0) {
          children.add(e);
        }
      }
      children.sort(Comparator.comparing(Entry::name));
      return children;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Creates a directory and its parents; a file on the way is an error. */
  public void mkdirs(String path) {
    String p = normalize(path);
    lock.writeLock().lock();
    try {
      mkdirsLocked(p);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Stores a file, creating its parent directories; takes ownership of {@code blob}.
   *
   * @throws FileStoreException ALREADY_EXISTS when a file is there and not {@code overwrite},
   *     IS_A_DIRECTORY when a directory is
   */
  public void put(String path, Blob blob, boolean overwrite) {
    String p = normalize(path);
    lock.writeLock().lock();
    try {
      Entry existing = entries.get(p);
      if (existing != null && existing.directory()) {
        blob.release();
        throw new FileStoreException(Problem.IS_A_DIRECTORY, p);
      }
      if (existing != null && !overwrite) {
        blob.release();
        throw new FileStoreException(Problem.ALREADY_EXISTS, p);
      }
      try {
        mkdirsLocked(parent(p));
      } catch (FileStoreException e) {
        blob.release();
        throw e;
      }
      entries.put(p, new Entry(p, false, blob, clock.millis()));
      if (existing != null) {
        existing.blob().release();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Deletes a file or a directory.
   *
   * @return false when nothing was there
   * @throws FileStoreException NOT_EMPTY for a non-empty directory without {@code recursive}
   */
  public boolean delete(String path, boolean recursive) {
    String p = normalize(path);
    lock.writeLock().lock();
    try {
      Entry e = entries.get(p);
      if (e == null) {
        return false;
      }
      NavigableMap<String, Entry> tree = subtree(p);
      if (e.directory() && tree.size() > 1 && !recursive) {
        throw new FileStoreException(Problem.NOT_EMPTY, p);
      }
      List<Entry> removed = new ArrayList<>(tree.values());
      if (p.equals("/")) {
        removed.removeIf(x -> x.path().equals("/"));
      }
      for (Entry x : removed) {
        entries.remove(x.path());
        x.blob().release();
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Moves a file or directory tree; the destination must not exist. */
  public void move(String from, String to) {
    String src = normalize(from);
    String dst = normalize(to);
    lock.writeLock().lock();
    try {
      if (!entries.containsKey(src)) {
        throw new FileStoreException(Problem.NOT_FOUND, src);
      }
      if (entries.containsKey(dst)) {
        throw new FileStoreException(Problem.ALREADY_EXISTS, dst);
      }
      if (src.equals("/") || dst.startsWith(src + "/")) {
        throw new FileStoreException(Problem.INVALID_PATH, dst);
      }
      mkdirsLocked(parent(dst));
      List<Entry> moved = new ArrayList<>(subtree(src).values());
      long now = clock.millis();
      for (Entry e : moved) {
        entries.remove(e.path());
      }
      for (Entry e : moved) {
        String target = dst + e.path().substring(src.length());
        entries.put(target, new Entry(target, e.directory(), e.blob(), e.path().equals(src) ? now : e.modifiedMillis()));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      entries.values().forEach(e -> e.blob().release());
      entries.clear();
      if (spillDirectory != null) {
        try (Stream<Path> files = Files.walk(spillDirectory)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          spillDirectory.toFile().deleteOnExit();
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String stateName() {
    return "files";
  }

  /** Every path with its time; the contents of files go to the shelf. */
  @Override
  public JsonNode snapshot(BlobShelf shelf) {
    lock.readLock().lock();
    try {
      ArrayNode out = Json.array();
      for (Entry e : entries.values()) {
        var o = Json.object("path", e.path(), "modified", e.modifiedMillis());
        if (e.directory()) {
          o.put("directory", true);
        } else {
          o.put("size", e.size());
          o.put("contents", shelf.put(e.blob()));
        }
        out.add(o);
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void restore(JsonNode state, BlobShelf shelf) {
    NavigableMap<String, Entry> restored = new TreeMap<>();
    try {
      for (JsonNode e : state) {
        String path = e.path("path").asText();
        long modified = e.path("modified").asLong();
        if (e.path("directory").asBoolean(false)) {
          restored.put(path, new Entry(path, true, Blob.EMPTY, modified));
          continue;
        }
        String name = e.path("contents").asText();
        BlobWriter writer = newWriter();
        try (InputStream in = shelf.open(name)) {
          writer.transferFrom(in);
        } catch (IOException ex) {
          writer.discard();
          throw new UncheckedIOException("cannot read the contents of " + path, ex);
        }
        Blob blob = writer.toBlob();
        shelf.restored(blob, name);
        restored.put(path, new Entry(path, false, blob, modified));
      }
    } catch (RuntimeException ex) {
      restored.values().forEach(x -> x.blob().release());
      throw ex;
    }
    restored.putIfAbsent("/", new Entry("/", true, Blob.EMPTY, clock.millis()));
    lock.writeLock().lock();
    try {
      entries.values().forEach(e -> e.blob().release());
      entries.clear();
      entries.putAll(restored);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void mkdirsLocked(String p) {
    Entry e = entries.get(p);
    if (e != null) {
      if (!e.directory()) {
        throw new FileStoreException(Problem.ALREADY_EXISTS, p);
      }
      return;
    }
    mkdirsLocked(parent(p));
    entries.put(p, new Entry(p, true, Blob.EMPTY, clock.millis()));
  }

  private NavigableMap<String, Entry> subtree(String p) {
    if (p.equals("/")) {
      return entries;
    }
    // '0' follows '/' in ASCII, so [p/, p0) is exactly the descendants of p
    NavigableMap<String, Entry> tree = new TreeMap<>(entries.subMap(p + "/", true, p + "0", false));
    Entry self = entries.get(p);
    if (self != null) {
      tree.put(p, self);
    }
    return tree;
  }

  static String parent(String p) {
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  private synchronized Path spillDirectory() {
    if (spillDirectory == null) {
      try {
        spillDirectory = Files.createTempDirectory("databricks4j-testkit-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for large files", e);
      }
    }
    return spillDirectory;
  }

  /** For tests of the store: every path it holds. */
  Map<String, Entry> snapshot() {
    lock.readLock().lock();
    try {
      return Map.copyOf(entries);
    } finally {
      lock.readLock().unlock();
    }
  }
}
