package io.databricks4j.mixin.dbutils;

import io.databricks4j.error.DatabricksException;
import io.databricks4j.error.NotFound;
import io.databricks4j.mixin.files.FilesExt;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.files.GetMetadataResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code /Volumes/...} through the Files API. */
final class VolumesBackend implements FsBackend {
  private final FilesExt files;

  VolumesBackend(FilesExt files) {
    this.files = files;
  }

  @Override
  public List<FsEntry> list(String path) {
    try {
      return files.listDirectoryContents(path).stream().map(e -> FsBackend.entry(uri(e.path()),
          e.fileSize() == null ? 0 : e.fileSize(), e.lastModified() == null ? 0 : e.lastModified(),
          Boolean.TRUE.equals(e.isDirectory()))).toList();
    } catch (NotFound e) {
      // a file lists as itself
      return List.of(fileEntry(path, files.getMetadata(path)));
    }
  }

  @Override
  public FsEntry stat(String path) {
    try {
      return fileEntry(path, files.getMetadata(path));
    } catch (NotFound e) {
      files.getDirectoryMetadata(path);
      return FsBackend.entry(uri(path), 0, 0, true);
    }
  }

  private FsEntry fileEntry(String path, GetMetadataResponse m) {
    return FsBackend.entry(uri(path), m.contentLength() == null ? 0 : m.contentLength(), millis(m.lastModified()), false);
  }

  private static long millis(String httpDate) {
    if (httpDate == null) {
      return 0;
    }
    try {
      return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  @Override
  public InputStream open(String path) {
    return files.download(path, TransferOptions.defaults()).contents();
  }

  @Override
  public byte[] head(String path, int maxBytes) {
    // one stream, dropped (its connection closed, not read to the end) once maxBytes have arrived
    try (InputStream in = files.download(path, TransferOptions.builder().parallelism(1).build()).contents()) {
      return in.readNBytes(maxBytes);
    } catch (IOException e) {
      throw new DatabricksException("cannot read " + path + ": " + e, e);
    }
  }

  @Override
  public void write(String path, InputStream contents, boolean overwrite) {
    files.upload(path, contents, overwrite);
  }

  @Override
  public void mkdirs(String path) {
    files.createDirectory(path);
  }

  @Override
  public void delete(String path, boolean recursive) {
    if (stat(path).isDir()) {
      files.deleteDirectory(path, recursive);
    } else {
      files.delete(path);
    }
  }

  @Override
  public String uri(String path) {
    return "dbfs:" + path;
  }

}
