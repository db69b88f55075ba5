package io.databricks4j.mixin.dbutils;

/**
 * An entry of {@link FsUtils#ls}, spelled as {@code dbutils.fs.ls} spells it: a directory's path
 * and name end with {@code /}; DBFS and volume paths start with {@code dbfs:}, local ones with
 * {@code file:}.
 *
 * @param size bytes, 0 for a directory
 * @param modificationTime milliseconds since the epoch, 0 when unknown
 */
public record FsEntry(String path, String name, long size, long modificationTime, boolean isDir) {
  public boolean isFile() {
    return !isDir;
  }
}
