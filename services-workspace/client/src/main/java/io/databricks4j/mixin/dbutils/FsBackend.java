package io.databricks4j.mixin.dbutils;

import java.io.InputStream;
import java.util.List;

/** One file system {@link FsUtils} reaches; paths are absolute and without a scheme. */
interface FsBackend {
  /** The entries of a directory, or the entry of a file. */
  List<FsEntry> list(String path);

  /** @throws io.databricks4j.error.NotFound when nothing is there */
  FsEntry stat(String path);

  InputStream open(String path);

  /** The first {@code maxBytes} bytes (fewer when the file is shorter). */
  byte[] head(String path, int maxBytes);

  /** Writes {@code contents}, closing it. */
  void write(String path, InputStream contents, boolean overwrite);

  void mkdirs(String path);

  void delete(String path, boolean recursive);

  /** The path as {@code dbutils} prints it. */
  String uri(String path);

  /** {@code parent/name}. */
  default String child(String parent, String name) {
    String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return parent.endsWith("/") ? parent + n : parent + "/" + n;
  }

  /** The last segment of {@code path}. */
  static String name(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static FsEntry entry(String uri, long size, long modified, boolean dir) {
    String u = dir && !uri.endsWith("/") ? uri + "/" : uri;
    return new FsEntry(u, name(uri) + (dir ? "/" : ""), dir ? 0 : size, modified, dir);
  }
}
