package io.databricks4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.databricks4j.core.retry.RetryClassifier.Verdict;
import io.databricks4j.error.DatabricksError;
import io.databricks4j.error.ErrorResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** Goes through every row of the failure table, for a request that may be repeated and one that may not. */
class FailureTableTest {

  private record Case(Throwable failure, Verdict idempotent, Verdict notIdempotent) {}

  private static DatabricksError status(int code, String message) {
    return new DatabricksError(ErrorResponse.builder().statusCode(code).message(message).build());
  }

  private static <T extends Throwable> T causedBy(T t, Throwable cause) {
    t.initCause(cause);
    return t;
  }

  private static Map<String, Case> cases() {
    Map<String, Case> c = new LinkedHashMap<>();
    c.put("interrupted", new Case(new InterruptedIOException("stop"), Verdict.FAIL, Verdict.FAIL));
    c.put("unknown host", new Case(new UnknownHostException("nope.invalid"), Verdict.FAIL, Verdict.FAIL));
    c.put("certificate", new Case(causedBy(new SSLHandshakeException("PKIX path building failed"),
        new CertificateException("unable to find valid certification path")), Verdict.FAIL, Verdict.FAIL));
    c.put("cannot connect", new Case(new ConnectException("Connection refused"), Verdict.RETRY_WITH_WARNING,
        Verdict.RETRY_WITH_WARNING));
    c.put("throttled or unavailable", new Case(status(503, "busy"), Verdict.RETRY, Verdict.RETRY));
    c.put("transient error", new Case(status(400, "ClusterNotReadyException: not yet"), Verdict.RETRY, Verdict.RETRY));
    c.put("server error", new Case(status(502, "bad gateway"), Verdict.RETRY, Verdict.FAIL));
    c.put("service error", new Case(status(404, "gone"), Verdict.FAIL, Verdict.FAIL));
    c.put("lost after sending", new Case(new SocketException("Connection reset"), Verdict.RETRY, Verdict.FAIL));
    c.put("other", new Case(new IllegalStateException("bug"), Verdict.FAIL, Verdict.FAIL));
    return c;
  }

  @Test
  void everyRowHasACaseAndDecidesAsItSays() {
    List<String> rows = RetryClassifier.table().stream().map(RetryClassifier.Rule::name).toList();
    Map<String, Case> cases = cases();
    for (String row : rows) {
      if (row.equals("lost after sending, not repeatable")) {
        continue; // the "lost after sending" case covers it: the same failure, not repeatable
      }
      assertThat(cases).as("a case for row " + row).containsKey(row);
    }
    cases.forEach((row, c) -> {
      assertThat(RetryClassifier.classify(c.failure(), true).verdict()).as(row + ", may be repeated").isEqualTo(c.idempotent());
      assertThat(RetryClassifier.classify(c.failure(), false).verdict()).as(row + ", may not").isEqualTo(c.notIdempotent());
    });
    assertThat(RetryClassifier.classify(new SocketException("reset"), false).rule().name())
        .isEqualTo("lost after sending, not repeatable");
  }

  @Test
  void theFirstMatchingRowDecides() {
    // a refused connection wrapping an unknown host is an unknown host: it does not heal
    assertThat(RetryClassifier.classify(causedBy(new ConnectException("x"), new UnknownHostException("h")), false)
        .rule().name()).isEqualTo("unknown host");
    // a reset during the TLS handshake is a connect failure, not a certificate problem
    assertThat(RetryClassifier.classify(causedBy(new ConnectException("TLS handshake failed"),
        new SSLHandshakeException("Remote host terminated the handshake")), false).verdict())
        .isEqualTo(Verdict.RETRY_WITH_WARNING);
    assertThat(RetryClassifier.classify(new SSLPeerUnverifiedException("host name"), true).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(RetryClassifier.classify(new NoRouteToHostException("no route"), false).verdict())
        .isEqualTo(Verdict.RETRY_WITH_WARNING);
    // a time-out is not an interrupt, and a body cut short is a lost answer
    assertThat(RetryClassifier.classify(new SocketTimeoutException("Read timed out"), true).verdict()).isEqualTo(Verdict.RETRY);
    assertThat(RetryClassifier.classify(new EOFException("the body ended inside the JSON"), true).verdict())
        .isEqualTo(Verdict.RETRY);
    assertThat(RetryClassifier.classify(new IOException("x"), false).verdict()).isEqualTo(Verdict.FAIL);
  }
}
