package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class FilesTest {
  private static final String F = "/api/2.0/fs/files";
  private static final String D = "/api/2.0/fs/directories";
  private LocalWorkspace ws;
  private Api api;

  @BeforeEach
  void client(LocalWorkspace ws) {
    this.ws = ws;
    api = new Api(ws);
    for (String volume : List.of("main.default.v", "a.b.c", "m.s.v", "shared.x.y")) {
      api.volume(volume);
    }
  }

  @Test
  void pathsOutsideAnExistingVolumeAreRefused() {
    Api.Response outside = upload("/tmp/x.txt", "x");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(outside.message()).contains("/Volumes/<catalog>/<schema>/<volume>/");
    assertThat(upload("/Volumes/main/default/x.txt", "x").status()).as("a schema is not a volume").isEqualTo(400);
    Api.Response missing = upload("/Volumes/main/default/nope/x.txt", "x");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.message()).contains("main.default.nope");
    assertThat(api.send("PUT", D + "/Volumes/main/default/nope/d", null, Map.of()).status()).isEqualTo(404);
    assertThat(api.get(D + "/Volumes/main/default/v").status()).as("a volume's root lists").isEqualTo(200);
  }

  private Api.Response upload(String path, String text) {
    return api.send("PUT", F + path, text.getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/octet-stream"));
  }

  @Test
  void uploadDownloadWithHeadersAndRanges() {
    assertThat(upload("/Volumes/main/default/v/dir/hello.txt", "hello, files").status()).isEqualTo(204);
    Api.Response full = api.get(F + "/Volumes/main/default/v/dir/hello.txt");
    assertThat(full.status()).isEqualTo(200);
    assertThat(full.text()).isEqualTo("hello, files");
    assertThat(full.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(full.header("Content-Length")).isEqualTo("12");
    assertThat(full.header("Last-Modified")).endsWith("GMT");

    Api.Response range = api.send("GET", F + "/Volumes/main/default/v/dir/hello.txt", null, Map.of("Range", "bytes=7-10"));
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.text()).isEqualTo("file");
    assertThat(range.header("Content-Range")).isEqualTo("bytes 7-10/12");
    Api.Response suffix = api.send("GET", F + "/Volumes/main/default/v/dir/hello.txt", null, Map.of("Range", "bytes=-5"));
    assertThat(suffix.text()).isEqualTo("files");
    Api.Response open = api.send("GET", F + "/Volumes/main/default/v/dir/hello.txt", null, Map.of("Range", "bytes=7-"));
    assertThat(open.text()).isEqualTo("files");
    Api.Response unsatisfiable = api.send("GET", F + "/Volumes/main/default/v/dir/hello.txt", null,
        Map.of("Range", "bytes=50-60"));
    assertThat(unsatisfiable.status()).isEqualTo(416);
    assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */12");

    Api.Response head = api.send("HEAD", F + "/Volumes/main/default/v/dir/hello.txt", null, Map.of());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("12");
    assertThat(head.body()).isEmpty();
    assertThat(api.send("HEAD", F + "/Volumes/main/default/v/nothing", null, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void overwriteFalseConflictsAndDeleteRemoves() {
    upload("/Volumes/a/b/c/x.bin", "one");
    Api.Response conflict = api.send("PUT", F + "/Volumes/a/b/c/x.bin?overwrite=false", "two".getBytes(), Map.of());
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.errorCode()).isEqualTo("ALREADY_EXISTS");
    assertThat(upload("/Volumes/a/b/c/x.bin", "two").status()).isEqualTo(204);
    assertThat(api.get(F + "/Volumes/a/b/c/x.bin").text()).isEqualTo("two");
    assertThat(api.delete(F + "/Volumes/a/b/c/x.bin").status()).isEqualTo(204);
    Api.Response missing = api.get(F + "/Volumes/a/b/c/x.bin");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(api.delete(F + "/Volumes/a/b/c/x.bin").status()).isEqualTo(404);
  }

  @Test
  void directoriesAreCreatedListedByPageAndDeletedWhenEmpty() {
    assertThat(api.send("PUT", D + "/Volumes/m/s/v/tree", null, Map.of()).status()).isEqualTo(204);
    for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")) {
      upload("/Volumes/m/s/v/tree/" + name, name);
    }
    api.send("PUT", D + "/Volumes/m/s/v/tree/sub", null, Map.of());
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = api.getOk(D + "/Volumes/m/s/v/tree" + (token == null ? "" : "?page_token=" + token));
      page.get("contents").forEach(e -> names.add(e.get("name").asText() + (e.get("is_directory").asBoolean() ? "/" : "")));
      token = page.path("next_page_token").asText(null);
      pages++;
    } while (token != null && pages < 10);
    assertThat(pages).isEqualTo(2);
    assertThat(names).containsExactly("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "sub/");
    assertThat(api.send("HEAD", D + "/Volumes/m/s/v/tree", null, Map.of()).status()).isEqualTo(200);
    assertThat(api.send("HEAD", D + "/Volumes/m/s/v/none", null, Map.of()).status()).isEqualTo(404);
    Api.Response notEmpty = api.delete(D + "/Volumes/m/s/v/tree");
    assertThat(notEmpty.status()).isEqualTo(400);
    assertThat(api.delete(D + "/Volumes/m/s/v/tree/sub").status()).isEqualTo(204);
    assertThat(api.get(D + "/Volumes/m/s/v/none").status()).isEqualTo(404);
  }

  @Test
  void filesApiAndDbfsShareOneTree() {
    upload("/Volumes/shared/x/y/both.txt", "shared");
    JsonNode status = api.getOk("/api/2.0/dbfs/get-status?path=/Volumes/shared/x/y/both.txt");
    assertThat(status.get("file_size").asInt()).isEqualTo(6);
  }

  @Test
  void aLargeUploadIsStreamedBothWays() throws Exception {
    long size = 64L * 1024 * 1024;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    HttpRequest put = HttpRequest.newBuilder(URI.create(ws.host() + F + "/Volumes/main/default/v/big/file.bin"))
        .header("Authorization", "Bearer " + ws.token()).timeout(Duration.ofSeconds(60))
        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
            () -> new Generated(size, sent)), size)).build();
    assertThat(http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);

    HttpRequest get = HttpRequest.newBuilder(URI.create(ws.host() + F + "/Volumes/main/default/v/big/file.bin"))
        .header("Authorization", "Bearer " + ws.token()).timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(size);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long total = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.update(buffer, 0, n);
        total += n;
      }
    }
    assertThat(total).isEqualTo(size);
    assertThat(received.digest()).isEqualTo(sent.digest());
  }

  /** {@code size} pseudo-random bytes, made as they are read and hashed on the way. */
  private static final class Generated extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long position;

    Generated(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position + i) * 2654435761L >>> 13);
      }
      digest.update(b, off, n);
      position += n;
      return n;
    }
  }

  @Test
  void unauthenticatedFileRequestsAreRefused() {
    Api anonymous = new Api(ws.host(), null);
    assertThat(anonymous.get(F + "/Volumes/a").status()).isEqualTo(401);
    assertThat(Json.parse(anonymous.get(F + "/Volumes/a").text()).get("error_code").asText()).isEqualTo("UNAUTHENTICATED");
  }
}
