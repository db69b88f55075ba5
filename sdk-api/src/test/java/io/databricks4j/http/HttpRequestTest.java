package io.databricks4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
  @Test
  void parsesAnEncodedPathAndQuery() {
    HttpRequest r = HttpRequest.builder("get", "/").pathAndQuery("/api/2.0/x?a=1&b=two%20words&a=3").build();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/api/2.0/x");
    assertThat(r.query()).containsEntry("a", List.of("1", "3")).containsEntry("b", List.of("two words"));
    assertThat(r.pathAndQuery()).isEqualTo("/api/2.0/x?a=1&a=3&b=two%20words");
  }

  @Test
  void headerNamesIgnoreCaseAndTheBuilderCopies() {
    HttpRequest r = HttpRequest.builder("GET", "/x").header("content-type", "a").header("Content-Type", "b").build();
    assertThat(r.headers()).hasSize(1);
    assertThat(r.header("CONTENT-TYPE")).contains("b");
    HttpRequest copy = r.toBuilder().header("X-A", "1").build();
    assertThat(r.header("X-A")).isEmpty();
    assertThat(copy.header("x-a")).contains("1");
  }

  @Test
  void rejectsAPathThatIsNotRelativeToTheHost() {
    assertThatThrownBy(() -> HttpRequest.builder("GET", "api/2.0/x")).hasMessageContaining("must start with '/'");
  }

  @Test
  void aStreamBodyCanBeReadOnce() {
    RequestBody b = RequestBody.of(new ByteArrayInputStream(new byte[3]), 3, RequestBody.OCTET_STREAM);
    assertThat(b.isReplayable()).isFalse();
    b.openStream();
    assertThat(b.isConsumed()).isTrue();
    assertThatThrownBy(b::openStream).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be sent again");
    RequestBody bytes = RequestBody.json("{}");
    assertThat(bytes.isReplayable()).isTrue();
    assertThat(bytes.bytes()).hasValueSatisfying(v -> assertThat(v).hasSize(2));
  }

  @Test
  void userInformationOfAUrlIsDroppedSoThatNoMessageOrLogLineShowsIt() {
    HttpRequest r = HttpRequest.builder("GET", "https://job:s3cret@example.test:8443/a/b?x=1").build();
    assertThat(r.origin()).contains("https://example.test:8443");
    assertThat(r.toString()).doesNotContain("s3cret");
  }
}
