package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.junit.LocalWorkspaceExtension;
import io.databricks4j.testkit.support.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DbfsTest {
  @RegisterExtension
  static final LocalWorkspaceExtension LOCAL = new LocalWorkspaceExtension(LocalWorkspace.builder().pageSize(2));
  private static final int MB = 1024 * 1024;

  private Api api;

  @BeforeEach
  void client(LocalWorkspace ws) {
    api = new Api(ws);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  @Test
  void putReadStatusListMoveAndDelete() {
    api.postOk("/api/2.0/dbfs/put", Json.object("path", "dbfs:/tmp/a/hello.txt",
        "contents", b64("hello dbfs".getBytes(StandardCharsets.UTF_8))));
    JsonNode read = api.getOk("/api/2.0/dbfs/read?path=/tmp/a/hello.txt&offset=6&length=100");
    assertThat(read.get("bytes_read").asInt()).isEqualTo(4);
    assertThat(new String(Base64.getDecoder().decode(read.get("data").asText()), StandardCharsets.UTF_8)).isEqualTo("dbfs");
    JsonNode status = api.getOk("/api/2.0/dbfs/get-status?path=/tmp/a/hello.txt");
    assertThat(status.get("file_size").asLong()).isEqualTo(10);
    assertThat(status.get("is_dir").asBoolean()).isFalse();
    assertThat(api.getOk("/api/2.0/dbfs/get-status?path=/tmp").get("is_dir").asBoolean()).isTrue();

    Api.Response exists = api.post("/api/2.0/dbfs/put", Json.object("path", "/tmp/a/hello.txt", "contents", b64(new byte[1])));
    assertThat(exists.status()).isEqualTo(400);
    assertThat(exists.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    api.postOk("/api/2.0/dbfs/put", Json.object("path", "/tmp/a/hello.txt", "contents", b64(new byte[3]), "overwrite", true));
    assertThat(api.getOk("/api/2.0/dbfs/get-status?path=/tmp/a/hello.txt").get("file_size").asLong()).isEqualTo(3);

    api.postOk("/api/2.0/dbfs/mkdirs", Json.object("path", "/tmp/a/b/c"));
    JsonNode list = api.getOk("/api/2.0/dbfs/list?path=/tmp/a");
    assertThat(list.get("files").findValuesAsText("path")).containsExactly("/tmp/a/b", "/tmp/a/hello.txt");

    api.postOk("/api/2.0/dbfs/move", Json.object("source_path", "/tmp/a", "destination_path", "/tmp/moved"));
    assertThat(api.get("/api/2.0/dbfs/get-status?path=/tmp/a").status()).isEqualTo(404);
    assertThat(api.getOk("/api/2.0/dbfs/get-status?path=/tmp/moved/b/c").get("is_dir").asBoolean()).isTrue();

    Api.Response notEmpty = api.post("/api/2.0/dbfs/delete", Json.object("path", "/tmp/moved"));
    assertThat(notEmpty.status()).isEqualTo(400);
    api.postOk("/api/2.0/dbfs/delete", Json.object("path", "/tmp/moved", "recursive", true));
    Api.Response gone = api.get("/api/2.0/dbfs/list?path=/tmp/moved");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void inlineContentsAreLimitedToOneMegabyte() {
    Api.Response tooBig = api.post("/api/2.0/dbfs/put", Json.object("path", "/big", "contents", b64(new byte[MB + 1])));
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.errorCode()).isEqualTo("MAX_BLOCK_SIZE_EXCEEDED");
    api.postOk("/api/2.0/dbfs/put", Json.object("path", "/exactly-1mb", "contents", b64(new byte[MB])));
  }

  @Test
  void streamingHandlesWriteBlocksOfAtMostOneMegabyteAndReadsByRange() {
    long handle = api.postOk("/api/2.0/dbfs/create", Json.object("path", "/stream/data.bin")).get("handle").asLong();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 3; i++) {
      byte[] block = pattern(MB, i);
      expected.writeBytes(block);
      api.postOk("/api/2.0/dbfs/add-block", Json.object("handle", handle, "data", b64(block)));
    }
    Api.Response tooBig = api.post("/api/2.0/dbfs/add-block", Json.object("handle", handle, "data", b64(new byte[MB + 1])));
    assertThat(tooBig.errorCode()).isEqualTo("MAX_BLOCK_SIZE_EXCEEDED");
    assertThat(api.get("/api/2.0/dbfs/get-status?path=/stream/data.bin").status()).isEqualTo(404);
    api.postOk("/api/2.0/dbfs/close", Json.object("handle", handle));
    assertThat(api.post("/api/2.0/dbfs/close", Json.object("handle", handle)).status()).isEqualTo(404);

    assertThat(api.getOk("/api/2.0/dbfs/get-status?path=/stream/data.bin").get("file_size").asLong()).isEqualTo(3L * MB);
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    for (long offset = 0; offset < 3L * MB; offset += MB) {
      JsonNode chunk = api.getOk("/api/2.0/dbfs/read?path=/stream/data.bin&length=" + MB + "&offset=" + offset);
      actual.writeBytes(Base64.getDecoder().decode(chunk.get("data").asText()));
    }
    assertThat(Arrays.equals(actual.toByteArray(), expected.toByteArray())).isTrue();
    assertThat(api.get("/api/2.0/dbfs/read?path=/stream/data.bin&length=" + (MB + 1)).errorCode())
        .isEqualTo("MAX_READ_SIZE_EXCEEDED");
    JsonNode past = api.getOk("/api/2.0/dbfs/read?path=/stream/data.bin&offset=" + (4L * MB));
    assertThat(past.get("bytes_read").asInt()).isZero();

    Api.Response exists = api.post("/api/2.0/dbfs/create", Json.object("path", "/stream/data.bin"));
    assertThat(exists.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    assertThat(api.post("/api/2.0/dbfs/add-block", Json.object("handle", 999999, "data", "AA==")).status()).isEqualTo(404);
  }

  @Test
  void requiredFieldsAndBadInputAreRefused() {
    assertThat(api.get("/api/2.0/dbfs/read").message()).isEqualTo("Missing required field: path");
    assertThat(api.post("/api/2.0/dbfs/mkdirs", Json.object()).message()).isEqualTo("Missing required field: path");
    assertThat(api.post("/api/2.0/dbfs/put", Json.object("path", "relative", "contents", "")).status()).isEqualTo(400);
    assertThat(api.post("/api/2.0/dbfs/put", Json.object("path", "/x", "contents", "%%%")).status()).isEqualTo(400);
    assertThat(api.post("/api/2.0/dbfs/put", Json.object("path", "/../etc", "contents", "")).status()).isEqualTo(400);
  }
}
