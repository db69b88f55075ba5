package io.databricks4j.benchmarks.peer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.databricks4j.benchmarks.data.Pattern;
import io.databricks4j.service.compute.ClusterDetails;
import io.databricks4j.service.compute.ListClustersResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The floor: a bare Apache HttpClient 5 over a connection pool sending the same requests, and
 * Jackson binding the same JSON into the same model classes databricks4j returns. No retries, no
 * error mapping, no logging: what no SDK can be faster than.
 */
final class FloorPeer implements Peer {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ObjectReader CLUSTER = MAPPER.readerFor(ClusterDetails.class);
  private static final ObjectReader PAGE = MAPPER.readerFor(ListClustersResponse.class);

  private final String url;
  private final String authorization;
  private final CloseableHttpClient http;

  FloorPeer(String url, String token) {
    this.url = url;
    this.authorization = "Bearer " + token;
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64).setMaxConnPerRoute(64).build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  @Override
  public ClusterDetails getCluster(String clusterId) {
    return json(new HttpGet(url + "/api/2.1/clusters/get?cluster_id=" + encode(clusterId)), CLUSTER);
  }

  @Override
  public long listClusters() {
    long n = 0;
    String token = null;
    do {
      ListClustersResponse page = page(token);
      for (ClusterDetails c : page.clusters()) {
        if (c.clusterId() == null) {
          throw new IllegalStateException("a cluster without an id");
        }
        n++;
      }
      token = page.nextPageToken();
    } while (token != null && !token.isEmpty());
    return n;
  }

  @Override
  public Object firstListedCluster() {
    return page(null).clusters().get(0);
  }

  private ListClustersResponse page(String token) {
    return json(new HttpGet(url + "/api/2.1/clusters/list" + (token == null ? "" : "?page_token=" + encode(token))), PAGE);
  }

  @Override
  public void upload(String path, InputStream content, long length) {
    HttpPut put = new HttpPut(url + "/api/2.0/fs/files" + path + "?overwrite=true");
    put.setHeader("Authorization", authorization);
    put.setEntity(new StreamEntity(content));
    execute(put, r -> {
      expect(r, 204);
      return null;
    });
  }

  @Override
  public long download(String path) {
    HttpGet get = new HttpGet(url + "/api/2.0/fs/files" + path);
    get.setHeader("Authorization", authorization);
    get.setHeader("Accept", "application/octet-stream");
    return execute(get, r -> {
      expect(r, 200);
      return Pattern.drain(r.getEntity().getContent(), 0);
    });
  }

  private <T> T json(HttpGet get, ObjectReader reader) {
    get.setHeader("Authorization", authorization);
    get.setHeader("Accept", "application/json");
    return execute(get, r -> {
      expect(r, 200);
      try (InputStream in = r.getEntity().getContent()) {
        return reader.readValue(in);
      }
    });
  }

  private <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler) {
    try {
      return http.execute(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect(ClassicHttpResponse r, int status) throws IOException {
    if (r.getCode() != status) {
      String body = r.getEntity() == null ? "" : new String(EntityUtils.toByteArray(r.getEntity()), StandardCharsets.UTF_8);
      throw new IOException("HTTP " + r.getCode() + " (expected " + status + "): " + body);
    }
  }

  /**
   * The stream sent chunked in 64 KiB writes, as databricks4j does ({@code InputStreamEntity} copies
   * through 4 KiB and would make the floor slower than an SDK).
   */
  private static final class StreamEntity extends AbstractHttpEntity {
    private final InputStream content;

    StreamEntity(InputStream content) {
      super(ContentType.APPLICATION_OCTET_STREAM, null, true);
      this.content = content;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public InputStream getContent() {
      return content;
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public boolean isStreaming() {
      return true;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      byte[] buf = new byte[Pattern.MAX_SLICE];
      try (content) {
        int n;
        while ((n = content.read(buf)) >= 0) {
          out.write(buf, 0, n);
        }
      }
    }

    @Override
    public void close() throws IOException {
      content.close();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
