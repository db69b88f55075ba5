package io.databricks4j.transport.jdk.internal;

import io.databricks4j.http.HttpRequest;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.RequestBody;
import io.databricks4j.http.testing.LocalHttpServer;
import io.databricks4j.transport.jdk.JdkTransportProvider;

/**
 * Sends one request whose credentials, query and bodies carry {@code args[0]}, through the jdk
 * transport to a local server, and prints {@code probe done}: run in a JVM of its own by
 * {@link JdkLoggingTest}, with and without java.net.http's logging switched on.
 */
public final class LoggingProbe {
  private LoggingProbe() {}

  public static void main(String[] args) throws Exception {
    String canary = args[0];
    try (LocalHttpServer server = LocalHttpServer.http();
         HttpTransport transport = new JdkTransportProvider().create(HttpTransportOptions.builder().build())) {
      HttpRequest request = HttpRequest.builder("POST", server.origin() + "/echo").query("token", canary)
          .header("Authorization", "Bearer " + canary).body(RequestBody.json("{\"secret\":\"" + canary + "\"}")).build();
      try (HttpResponse response = transport.send(request)) {
        response.body().readAllBytes();
      }
    }
    System.out.println("probe done");
  }
}
