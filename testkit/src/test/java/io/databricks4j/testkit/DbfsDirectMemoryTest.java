package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.databricks4j.testkit.internal.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 clients write and read DBFS files in 1 MB blocks against an emulator process (64 request
 * threads, the default) whose direct memory is capped at 16 MiB. The JDK copies an array written
 * to or read from a channel through a temporary direct buffer as large as the array and keeps one
 * per thread: slices of 64 KiB cost 64 threads 4 MiB, whole blocks and answers over 64 MiB, all
 * the direct memory of a JVM run with -Xmx64m, which the clients there need too.
 */
class DbfsDirectMemoryTest {
  private static final int CLIENTS = 64;
  private static final int BLOCKS = 2; // the second block goes to a spill file
  private static final int MB = 1024 * 1024;
  /** Few distinct blocks, so that the clients spend their time on the wire, not making data. */
  private static final byte[][] CONTENTS = new byte[5][];
  private static final String[] ENCODED = new String[CONTENTS.length];
  // generous: this runs 64 large requests at once, on whatever cores a CI machine shares
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(PATIENCE).build();

  static {
    for (int i = 0; i < CONTENTS.length; i++) {
      CONTENTS[i] = new byte[MB];
      for (int j = 0; j < MB; j++) {
        CONTENTS[i][j] = (byte) (j * 31 + i);
      }
      ENCODED[i] = Base64.getEncoder().encodeToString(CONTENTS[i]);
    }
  }

  private record Emulated(String host, String token) {
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void sixtyFourClientsStreamOneMegabyteBlocksWithinSixteenMebibytesOfDirectMemory() throws Exception {
    Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:MaxDirectMemorySize=16m", "-cp", System.getProperty("java.class.path"), Emulator.class.getName(),
        "--port", "0")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      Emulated ws = connect(emulator);
      inParallel(client -> write(ws, client));
      inParallel(client -> readBack(ws, client));
    } finally {
      emulator.destroy();
      if (!emulator.waitFor(30, TimeUnit.SECONDS)) {
        emulator.destroyForcibly();
      }
    }
  }

  private static void write(Emulated ws, int client) {
    String path = "/direct-memory/" + client + ".bin";
    long handle = call(ws, "POST", "/api/2.0/dbfs/create", Json.text(Json.object("path", path))).get("handle").asLong();
    for (int b = 0; b < BLOCKS; b++) {
      call(ws, "POST", "/api/2.0/dbfs/add-block",
          "{\"handle\":" + handle + ",\"data\":\"" + ENCODED[(client + b) % CONTENTS.length] + "\"}");
    }
    call(ws, "POST", "/api/2.0/dbfs/close", Json.text(Json.object("handle", handle)));
  }

  private static void readBack(Emulated ws, int client) {
    for (int b = 0; b < BLOCKS; b++) {
      JsonNode read = call(ws, "GET", "/api/2.0/dbfs/read?path=/direct-memory/" + client + ".bin&offset="
          + (long) b * MB + "&length=" + MB, null);
      assertThat(Arrays.equals(Base64.getDecoder().decode(read.get("data").asText()),
          CONTENTS[(client + b) % CONTENTS.length])).as("block %d of client %d", b, client).isTrue();
    }
  }

  private static JsonNode call(Emulated ws, String method, String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(ws.host() + path)).timeout(PATIENCE)
        .header("Authorization", "Bearer " + ws.token())
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }

  /** Runs {@code work} for every client at once; the first failure ends the test. */
  private static void inParallel(IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      CountDownLatch go = new CountDownLatch(1);
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.submit(() -> {
          go.await();
          work.accept(client);
          return null;
        });
      }
      go.countDown();
      for (int c = 0; c < CLIENTS; c++) {
        Future<Void> finished = done.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(finished).as("a client finished within %s", PATIENCE).isNotNull();
        finished.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads the host and token the emulator prints once it serves. */
  private static Emulated connect(Process emulator) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    String host = null;
    String line;
    while ((line = out.readLine()) != null) {
      String text = line.trim();
      if (text.startsWith("host:")) {
        host = text.substring(5).trim();
      } else if (text.startsWith("token:") && host != null) {
        return new Emulated(host, text.substring(6).trim());
      }
    }
    throw new AssertionError("the emulator exited with " + emulator.waitFor() + " before printing its host and token");
  }
}
