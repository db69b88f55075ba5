package io.databricks4j.benchmarks.coldstart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.databricks4j.service.compute.ClusterDetails;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

final class FloorProbe {
  private FloorProbe() {}

  /** Returns the nano times when the client was built and when the first call was answered. */
  static long[] run(String url, String token, String clusterId, boolean call) throws IOException {
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (CloseableHttpClient http = HttpClients.createDefault()) {
      long built = System.nanoTime();
      if (call) {
        HttpGet get = new HttpGet(url + "/api/2.1/clusters/get?cluster_id=" + clusterId);
        get.setHeader("Authorization", "Bearer " + token);
        ClusterDetails c = http.execute(get, r -> {
          try (InputStream in = r.getEntity().getContent()) {
            return mapper.readValue(in, ClusterDetails.class);
          }
        });
        if (!clusterId.equals(c.clusterId())) {
          throw new IllegalStateException("wrong cluster");
        }
      }
      return new long[] {built, System.nanoTime()};
    }
  }
}
