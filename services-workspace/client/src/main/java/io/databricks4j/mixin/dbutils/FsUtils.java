package io.databricks4j.mixin.dbutils;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.mixin.files.DbfsExt;
import io.databricks4j.mixin.files.DbfsPaths;
import io.databricks4j.mixin.files.FilesExt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code dbutils.fs}: {@code dbfs:/...} and other absolute paths go to DBFS, {@code /Volumes/...}
 * (or {@code dbfs:/Volumes/...}) to the Files API, and {@code file:/...} to this machine, so that
 * {@code cp} uploads and downloads. Files are streamed, never held in memory.
 *
 * <pre>{@code
 * w.dbutils().fs().put("dbfs:/tmp/hello.txt", "hello", true);
 * w.dbutils().fs().cp("dbfs:/tmp/hello.txt", "/Volumes/main/default/v/hello.txt");
 * w.dbutils().fs().ls("dbfs:/tmp").forEach(System.out::println);
 * }</pre>
 */
public final class FsUtils {
  /** What {@link #head(String)} reads: 64 KiB, as dbutils does. */
  public static final int DEFAULT_HEAD_BYTES = 65536;

  private final FsBackend dbfs;
  private final FsBackend volumes;
  private final FsBackend local = new LocalBackend();

  FsUtils(DbfsExt dbfs, FilesExt files) {
    this.dbfs = new DbfsBackend(dbfs);
    this.volumes = new VolumesBackend(files);
  }

  private record Location(FsBackend fs, String path) {
    String uri() {
      return fs.uri(path);
    }
  }

  private Location resolve(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a path is required");
    }
    if (path.regionMatches(true, 0, "file:", 0, 5)) {
      String p = path.substring(5);
      p = p.startsWith("///") ? p.substring(2) : p;
      if (!p.startsWith("/") || p.startsWith("//")) {
        throw new IllegalArgumentException("a local path is absolute, such as file:/tmp/x; got '" + path + "'");
      }
      return new Location(local, p);
    }
    String p = DbfsPaths.normalize(path);
    boolean volume = p.equals("/Volumes") || p.startsWith("/Volumes/");
    return new Location(volume ? volumes : dbfs, p);
  }

  /** The entries of a directory (or the entry of a file). */
  public List<FsEntry> ls(String dir) {
    Location l = resolve(dir);
    return l.fs.list(l.path);
  }

  /** Creates a directory and its parents; true. */
  public boolean mkdirs(String dir) {
    Location l = resolve(dir);
    l.fs.mkdirs(l.path);
    return true;
  }

  /** Writes {@code contents} in UTF-8 to {@code file}; true. */
  public boolean put(String file, String contents, boolean overwrite) {
    Location l = resolve(file);
    l.fs.write(l.path, new ByteArrayInputStream(contents.getBytes(StandardCharsets.UTF_8)), overwrite);
    return true;
  }

  /** {@link #put(String, String, boolean)} without overwriting. */
  public boolean put(String file, String contents) {
    return put(file, contents, false);
  }

  /** The first 64 KiB of {@code file} as UTF-8. */
  public String head(String file) {
    return head(file, DEFAULT_HEAD_BYTES);
  }

  /** The first {@code maxBytes} of {@code file} as UTF-8; the only bytes fetched. */
  public String head(String file, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    Location l = resolve(file);
    if (l.fs.stat(l.path).isDir()) {
      throw new DatabricksException(l.uri() + " is a directory; head reads a file");
    }
    return new String(l.fs.head(l.path, maxBytes), StandardCharsets.UTF_8);
  }

  /** Copies a file; {@link #cp(String, String, boolean)}. */
  public boolean cp(String from, String to) {
    return cp(from, to, false);
  }

  /**
   * Copies a file, or with {@code recurse} a directory and everything in it, replacing what is at
   * the destination. Across file systems (DBFS, volumes, local) the bytes stream through here.
   */
  public boolean cp(String from, String to, boolean recurse) {
    copy(resolve(from), resolve(to), recurse);
    return true;
  }

  private void copy(Location src, Location dst, boolean recurse) {
    FsEntry s = src.fs.stat(src.path);
    if (!s.isDir()) {
      InputStream in = src.fs.open(src.path);
      try {
        dst.fs.write(dst.path, in, true);
      } finally {
        try {
          in.close();
        } catch (IOException | RuntimeException ignored) {
          // already closed by the write
        }
      }
      return;
    }
    if (!recurse) {
      throw new DatabricksException(src.uri() + " is a directory; copy it with recurse = true");
    }
    dst.fs.mkdirs(dst.path);
    for (FsEntry child : src.fs.list(src.path)) {
      String name = child.name();
      copy(new Location(src.fs, src.fs.child(src.path, name)), new Location(dst.fs, dst.fs.child(dst.path, name)), true);
    }
  }

  /** Moves a file; {@link #mv(String, String, boolean)}. */
  public boolean mv(String from, String to) {
    return mv(from, to, false);
  }

  /**
   * Moves a file, or with {@code recurse} a directory. Within DBFS the server moves it; otherwise
   * it is copied, then deleted.
   */
  public boolean mv(String from, String to, boolean recurse) {
    Location src = resolve(from);
    Location dst = resolve(to);
    if (src.fs == dbfs && dst.fs == dbfs) {
      if (!recurse && src.fs.stat(src.path).isDir()) {
        throw new DatabricksException(src.uri() + " is a directory; move it with recurse = true");
      }
      ((DbfsBackend) dbfs).move(src.path, dst.path);
      return true;
    }
    copy(src, dst, recurse);
    src.fs.delete(src.path, recurse);
    return true;
  }

  /** Deletes a file; {@link #rm(String, boolean)}. */
  public boolean rm(String path) {
    return rm(path, false);
  }

  /** Deletes a file, or with {@code recurse} a directory and its contents; false when nothing was there. */
  public boolean rm(String path, boolean recurse) {
    Location l = resolve(path);
    try {
      l.fs.stat(l.path);
    } catch (NotFound e) {
      return false;
    }
    l.fs.delete(l.path, recurse);
    return true;
  }
}
