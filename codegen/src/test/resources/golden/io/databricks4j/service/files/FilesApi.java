package io.databricks4j.service.files;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.http.QueryParams;
import io.databricks4j.core.paging.Paginator;
import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.RequestBody;
import io.databricks4j.paging.PagedIterable;
import io.databricks4j.service.files.internal.FilesWire;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * Service {@code files.Files}, reached as {@code files()} of the workspace client.
 *
 * @see <a href="https://docs.databricks.com/api/workspace/files">REST API reference</a>
 */
@Generated("io.databricks4j.codegen")
public class FilesApi {
  private final ApiClient api;

  private volatile FilesWire wire;

  /**
   * A service calling the API through {@code api}. Makes no request and builds no proxy.
   */
  public FilesApi(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  private FilesWire wire() {
    FilesWire w = wire;
    if (w == null) {
      w = api.wire(FilesWire.class);
      wire = w;
    }
    return w;
  }

  private String workspaceId() {
    return api.workspaceId().orElse(null);
  }

  /**
   * Percent-encodes each segment of a path value; slashes stay.
   */
  private static String segments(String value) {
    StringJoiner j = new StringJoiner("/");
    for (String part : value.split("/", -1)) {
      j.add(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return j.toString();
  }

  private static String path(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required: it is part of the request path");
    }
    return value;
  }

  /**
   * {@code PUT /api/2.0/fs/directories{directory_path}}.
   *
   * <p>Required: {@code directory_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/createdirectory">REST API
   * reference</a>
   */
  public void createDirectory(CreateDirectoryRequest request) {
    Objects.requireNonNull(request, "request");
    wire().createDirectory(workspaceId(), path(request.directoryPath(), "directory_path"));
  }

  /**
   * Calls {@link #createDirectory(CreateDirectoryRequest)} with the required fields.
   */
  public void createDirectory(String directoryPath) {
    createDirectory(CreateDirectoryRequest.builder().directoryPath(directoryPath).build());
  }

  /**
   * {@code DELETE /api/2.0/fs/files{file_path}}.
   *
   * <p>Required: {@code file_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/delete">REST API reference</a>
   */
  public void delete(DeleteFileRequest request) {
    Objects.requireNonNull(request, "request");
    wire().delete(workspaceId(), path(request.filePath(), "file_path"));
  }

  /**
   * Calls {@link #delete(DeleteFileRequest)} with the required fields.
   */
  public void delete(String filePath) {
    delete(DeleteFileRequest.builder().filePath(filePath).build());
  }

  /**
   * {@code DELETE /api/2.0/fs/directories{directory_path}}.
   *
   * <p>Required: {@code directory_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/deletedirectory">REST API
   * reference</a>
   */
  public void deleteDirectory(DeleteDirectoryRequest request) {
    Objects.requireNonNull(request, "request");
    wire().deleteDirectory(workspaceId(), path(request.directoryPath(), "directory_path"));
  }

  /**
   * Calls {@link #deleteDirectory(DeleteDirectoryRequest)} with the required fields.
   */
  public void deleteDirectory(String directoryPath) {
    deleteDirectory(DeleteDirectoryRequest.builder().directoryPath(directoryPath).build());
  }

  /**
   * {@code GET /api/2.0/fs/files{file_path}}.
   *
   * <p>Required: {@code file_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/download">REST API
   * reference</a>
   */
  public DownloadResponse download(DownloadRequest request) {
    Objects.requireNonNull(request, "request");
    HttpRequest.Builder http = HttpRequest.builder("GET",
        "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path")));
    http.header("Accept", "application/octet-stream");
    String workspaceId = workspaceId();
    if (workspaceId != null) http.header("X-Databricks-Workspace-Id", workspaceId);
    HttpResponse response = api.stream(http.build(), true);
    return DownloadResponse.builder()
        .contentLength(response.header("content-length").map(Long::valueOf).orElse(null))
        .contentType(response.header("content-type").orElse(null))
        .lastModified(response.header("last-modified").orElse(null))
        .contents(response.body())
        .build();
  }

  /**
   * Calls {@link #download(DownloadRequest)} with the required fields.
   */
  public DownloadResponse download(String filePath) {
    return download(DownloadRequest.builder().filePath(filePath).build());
  }

  /**
   * {@code HEAD /api/2.0/fs/directories{directory_path}}.
   *
   * <p>Required: {@code directory_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/getdirectorymetadata">REST API
   * reference</a>
   */
  public void getDirectoryMetadata(GetDirectoryMetadataRequest request) {
    Objects.requireNonNull(request, "request");
    wire().getDirectoryMetadata(workspaceId(), path(request.directoryPath(), "directory_path"));
  }

  /**
   * Calls {@link #getDirectoryMetadata(GetDirectoryMetadataRequest)} with the required fields.
   */
  public void getDirectoryMetadata(String directoryPath) {
    getDirectoryMetadata(GetDirectoryMetadataRequest.builder().directoryPath(directoryPath).build());
  }

  /**
   * {@code HEAD /api/2.0/fs/files{file_path}}.
   *
   * <p>Required: {@code file_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/getmetadata">REST API
   * reference</a>
   */
  public GetMetadataResponse getMetadata(GetMetadataRequest request) {
    Objects.requireNonNull(request, "request");
    HttpRequest.Builder http = HttpRequest.builder("HEAD",
        "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path")));
    String workspaceId = workspaceId();
    if (workspaceId != null) http.header("X-Databricks-Workspace-Id", workspaceId);
    return api.call(http.build(), response -> GetMetadataResponse.builder()
        .contentLength(response.header("content-length").map(Long::valueOf).orElse(null))
        .contentType(response.header("content-type").orElse(null))
        .lastModified(response.header("last-modified").orElse(null))
        .build());
  }

  /**
   * Calls {@link #getMetadata(GetMetadataRequest)} with the required fields.
   */
  public GetMetadataResponse getMetadata(String filePath) {
    return getMetadata(GetMetadataRequest.builder().filePath(filePath).build());
  }

  /**
   * One page of {@link #listDirectoryContents(ListDirectoryContentsRequest)}.
   *
   * {@code GET /api/2.0/fs/directories{directory_path}}.
   *
   * <p>Required: {@code directory_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/listdirectorycontents">REST
   * API reference</a>
   */
  public ListDirectoryResponse listDirectoryContentsPage(ListDirectoryContentsRequest request) {
    Objects.requireNonNull(request, "request");
    return wire().listDirectoryContents(workspaceId(), path(request.directoryPath(), "directory_path"), QueryParams.create()
        .add("page_size", request.pageSize())
        .add("page_token", request.pageToken())
        .toMap());
  }

  /**
   * Every {@code contents} item of {@code GET /api/2.0/fs/directories{directory_path}}, paged by
   * {@code page_token}; pages are fetched as iteration reaches them.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/listdirectorycontents">REST
   * API reference</a>
   */
  public PagedIterable<DirectoryEntry> listDirectoryContents(ListDirectoryContentsRequest request) {
    Objects.requireNonNull(request, "request");
    ListDirectoryContentsRequest first = request;
    return Paginator.token(first, this::listDirectoryContentsPage, ListDirectoryResponse::contents,
        ListDirectoryResponse::nextPageToken, (r, t) -> r.toBuilder().pageToken(t).build());
  }

  /**
   * Calls {@link #listDirectoryContents(ListDirectoryContentsRequest)} with the required fields.
   */
  public PagedIterable<DirectoryEntry> listDirectoryContents(String directoryPath) {
    return listDirectoryContents(ListDirectoryContentsRequest.builder().directoryPath(directoryPath).build());
  }

  /**
   * {@code PUT /api/2.0/fs/files{file_path}}.
   *
   * <p>Required: {@code file_path}.
   *
   * @see <a href="https://docs.databricks.com/api/workspace/files/upload">REST API reference</a>
   */
  public void upload(UploadRequest request) {
    Objects.requireNonNull(request, "request");
    HttpRequest.Builder http = HttpRequest.builder("PUT",
        "/api/2.0/fs/files" + segments(path(request.filePath(), "file_path")));
    http.queryParams(QueryParams.create()
        .add("overwrite", request.overwrite())
        .toMap());
    String workspaceId = workspaceId();
    if (workspaceId != null) http.header("X-Databricks-Workspace-Id", workspaceId);
    if (request.contents() != null) {
      http.body(RequestBody.of(request.contents(), -1, "application/octet-stream"));
    }
    api.call(http.build());
  }

  /**
   * Calls {@link #upload(UploadRequest)} with the required fields.
   */
  public void upload(String filePath) {
    upload(UploadRequest.builder().filePath(filePath).build());
  }
}
