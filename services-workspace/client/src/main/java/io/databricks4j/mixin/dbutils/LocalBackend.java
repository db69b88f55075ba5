package io.databricks4j.mixin.dbutils;

import io.databricks4j.error.DatabricksException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code file:/...}: this machine's files, so that {@code cp} and {@code mv} can upload and download. */
final class LocalBackend implements FsBackend {
  @Override
  public List<FsEntry> list(String path) {
    Path p = Path.of(path);
    if (!Files.isDirectory(p)) {
      return List.of(stat(path));
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.sorted().map(c -> stat(c.toString())).toList();
    } catch (IOException e) {
      throw failure("list", path, e);
    }
  }

  @Override
  public FsEntry stat(String path) {
    try {
      BasicFileAttributes a = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
      return FsBackend.entry(uri(path), a.size(), a.lastModifiedTime().toMillis(), a.isDirectory());
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  @Override
  public InputStream open(String path) {
    try {
      return Files.newInputStream(Path.of(path));
    } catch (IOException e) {
      throw failure("open", path, e);
    }
  }

  @Override
  public byte[] head(String path, int maxBytes) {
    try (InputStream in = open(path)) {
      return in.readNBytes(maxBytes);
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  @Override
  public void write(String path, InputStream contents, boolean overwrite) {
    try (InputStream in = contents) {
      if (overwrite) {
        Files.copy(in, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.copy(in, Path.of(path));
      }
    } catch (IOException e) {
      throw failure("write", path, e);
    }
  }

  @Override
  public void mkdirs(String path) {
    try {
      Files.createDirectories(Path.of(path));
    } catch (IOException e) {
      throw failure("create", path, e);
    }
  }

  @Override
  public void delete(String path, boolean recursive) {
    Path p = Path.of(path);
    try {
      if (recursive && Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(x);
          }
        }
      } else {
        Files.delete(p);
      }
    } catch (IOException | UncheckedIOException e) {
      throw failure("delete", path, e);
    }
  }

  @Override
  public String uri(String path) {
    return "file:" + path;
  }

  private static DatabricksException failure(String what, String path, Exception e) {
    String why = e instanceof NoSuchFileException ? "it does not exist"
        : e instanceof FileAlreadyExistsException ? "it already exists" : e.toString();
    return new DatabricksException("cannot " + what + " file:" + path + ": " + why, e);
  }
}
