package io.databricks4j.mixin.files;

import io.databricks4j.error.DatabricksException;
import java.util.Optional;

/**
 * An upload or a download stopped part-way and could not be completed: its message says how many
 * bytes got through and, for an upload, what the remote path holds now.
 */
public class TransferInterruptedException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final long bytesTransferred;
  private final Long remoteSize;

  /**
   * @param remoteSize the size of the remote file seen after the failure; null when it does not
   *     exist or could not be read
   */
  public TransferInterruptedException(String message, String path, long bytesTransferred, Long remoteSize,
      Throwable cause) {
    super(message, cause);
    this.path = path;
    this.bytesTransferred = bytesTransferred;
    this.remoteSize = remoteSize;
  }

  /** The remote path. */
  public String path() {
    return path;
  }

  /** Bytes sent (upload) or received (download) before the transfer stopped. */
  public long bytesTransferred() {
    return bytesTransferred;
  }

  /** The size of the remote file after an upload failed; empty when there is none. */
  public Optional<Long> remoteSize() {
    return Optional.ofNullable(remoteSize);
  }
}
