package io.databricks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.testkit.internal.ApiDescription;
import io.databricks4j.testkit.internal.Operation;
import io.databricks4j.testkit.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random and hostile input: the server answers every request, and never with a 500. Seeded and bounded. */
class FuzzTest {
  private static final String[] BODIES = {
      "", "{", "}", "null", "[]", "[{}]", "{\"a\":", "\u0000\u0001", "{\"cluster_id\":{\"x\":[1,2]}}",
      "{\"job_id\":\"not-a-number\"}", "{\"path\":\"/../..\"}", "{\"path\":123,\"contents\":true}",
      "{\"tasks\":\"nope\"}", "{\"tasks\":[{\"task_key\":null}]}", "{\"libraries\":{}}", "{\"name\":\"\"}",
      "{\"num_workers\":-5,\"spark_version\":\"x\"}", "{\"Operations\":[{\"op\":\"explode\"}]}",
      "{\"access_control_list\":[{}]}", "{\"definition\":\"[\"}", "{\"page_token\":\"%%%\"}",
      "{\"offset\":-1,\"cluster_id\":\"x\"}", "{\"handle\":9999999999999999999999}", "\"str\"", "1e999",
  };
  private static final String[] QUERIES = {
      "", "?page_token=%25ZZ", "?page_token=dGs6", "?limit=-1", "?offset=99999999999", "?filter=userName%20eq",
      "?startIndex=0&count=-3", "?path=", "?path=relative", "?max_results=abc", "?job_id=1&job_id=2",
      "?filter=(a%20eq%20%22b%22", "?page_size=0", "?run_id=1e3", "?expand_tasks=maybe", "?filter_by.is_pinned=yes",
  };
  static LocalWorkspace ws;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void randomRequestsToEveryOperationNeverBreakTheServer() {
    List<Operation> ops = ApiDescription.load().operations();
    Api api = new Api(ws);
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 3000; i++) {
      Operation op = ops.get(random.nextInt(ops.size()));
      String path = op.path();
      for (Operation.PathParam p : op.pathParams()) {
        String[] values = {"x", "%2F..%2F", "0", "-1", "a%20b", "/Volumes/a", "%E2%82%AC", ws.accountId()};
        String v = p.fromConfig() && random.nextBoolean() ? ws.accountId() : values[random.nextInt(values.length)];
        path = path.replace("{" + p.name() + "}", p.multiSegment() && !v.startsWith("/") ? "/" + v : v);
      }
      String body = op.verb().equals("GET") || op.verb().equals("HEAD") ? null : BODIES[random.nextInt(BODIES.length)];
      Api.Response r = api.send(op.verb(), path + QUERIES[random.nextInt(QUERIES.length)], body, Map.of());
      assertThat(r.status()).as("%s %s with %s: %s", op.verb(), path, body, r).isBetween(200, 599).isNotEqualTo(500);
    }
    assertThat(ws.internalErrors()).isZero();
  }

  @Test
  void malformedHttpDoesNotStopTheServer() throws IOException {
    String[] garbage = {
        "GARBAGE\r\n\r\n", "GET /api/2.1/clusters/list HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        "POST /api/2.0/dbfs/put HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\"", "\r\n\r\n\r\n",
        "GET " + "/a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/2.0/fs/files/%ZZ%?page_token=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ws.token() + "\r\n\r\n",
        "GET /api/2.1/clusters/get?cluster_id=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ws.token() + "\r\n\r\n",
    };
    for (String g : garbage) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), ws.port())) {
        s.setSoTimeout(2000);
        OutputStream out = s.getOutputStream();
        out.write(g.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        s.shutdownOutput();
        InputStream in = s.getInputStream();
        try {
          in.readAllBytes();
        } catch (IOException e) {
          // a reset is an answer too
        }
      }
    }
    assertThat(new Api(ws).get("/api/2.0/secrets/scopes/list").status()).isEqualTo(200);
    assertThat(ws.internalErrors()).isZero();
  }
}
