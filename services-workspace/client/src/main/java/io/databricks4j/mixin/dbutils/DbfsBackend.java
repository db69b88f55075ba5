package io.databricks4j.mixin.dbutils;

import io.databricks4j.mixin.files.DbfsExt;
import io.databricks4j.service.files.FileInfo;
import io.databricks4j.service.files.ReadDbfsRequest;
import io.databricks4j.service.files.ReadResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;

/** {@code dbfs:/...} through the DBFS API. */
final class DbfsBackend implements FsBackend {
  private final DbfsExt dbfs;

  DbfsBackend(DbfsExt dbfs) {
    this.dbfs = dbfs;
  }

  @Override
  public List<FsEntry> list(String path) {
    return dbfs.list(path, false).stream().map(this::entry).toList();
  }

  @Override
  public FsEntry stat(String path) {
    return entry(dbfs.getStatus(path));
  }

  private FsEntry entry(FileInfo f) {
    return FsBackend.entry(uri(f.path()), f.fileSize() == null ? 0 : f.fileSize(),
        f.modificationTime() == null ? 0 : f.modificationTime(), Boolean.TRUE.equals(f.isDir()));
  }

  @Override
  public InputStream open(String path) {
    return dbfs.download(path);
  }

  @Override
  public byte[] head(String path, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < maxBytes) {
      ReadResponse r = dbfs.read(ReadDbfsRequest.builder().path(path).offset((long) out.size())
          .length((long) Math.min(1024 * 1024, maxBytes - out.size())).build());
      if (r.bytesRead() == null || r.bytesRead() == 0) {
        break;
      }
      out.writeBytes(Base64.getDecoder().decode(r.data()));
    }
    return out.toByteArray();
  }

  @Override
  public void write(String path, InputStream contents, boolean overwrite) {
    dbfs.upload(path, contents, overwrite);
  }

  @Override
  public void mkdirs(String path) {
    dbfs.mkdirs(path);
  }

  @Override
  public void delete(String path, boolean recursive) {
    dbfs.delete(path, recursive);
  }

  void move(String from, String to) {
    dbfs.move(from, to);
  }

  @Override
  public String uri(String path) {
    return "dbfs:" + path;
  }
}
