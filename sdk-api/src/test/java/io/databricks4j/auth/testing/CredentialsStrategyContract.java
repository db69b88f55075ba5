package io.databricks4j.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract every credential strategy module runs: extend it in the module's tests and supply
 * the strategy plus a configuration under which it applies (backed by local servers where it
 * needs them). Secrets in that configuration should contain {@link #CANARY}, which must never
 * show up in {@code toString} or exception messages.
 */
public abstract class CredentialsStrategyContract {
  /** Put this in every secret of {@link #applicableConfig()}. */
  public static final String CANARY = "canary-7f3a9c";

  /** A fresh instance of the strategy under test. */
  protected abstract CredentialsStrategy strategy();

  /** A configuration under which the strategy applies and can produce headers. */
  protected abstract ConfigView applicableConfig();

  /** Checks the headers the applicable configuration produced. */
  protected abstract void assertHeaders(Map<String, String> headers);

  @Test
  void authTypeIsALowerCaseWord() {
    assertThat(strategy().authType()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void isRegisteredWithServiceLoader() {
    List<String> found = ServiceLoader.load(CredentialsStrategy.class).stream()
        .map(p -> p.type().getName()).collect(Collectors.toList());
    assertThat(found).contains(strategy().getClass().getName());
  }

  @Test
  void doesNotApplyToAnEmptyConfiguration() {
    assertThatCode(() -> {
      try {
        Optional<HeaderFactory> headers = strategy().configure(MapConfigView.of());
        assertThat(headers).isEmpty();
      } catch (CredentialsException acceptable) {
        assertThat(acceptable.getMessage()).isNotBlank();
      }
    }).doesNotThrowAnyException();
  }

  @Test
  void producesHeadersWhenItApplies() {
    Optional<HeaderFactory> factory = strategy().configure(applicableConfig());
    assertThat(factory).isPresent();
    Map<String, String> headers = factory.get().headers();
    assertHeaders(headers);
    // asked again, the cached credentials are reused and still valid
    assertHeaders(factory.get().headers());
  }

  @Test
  void neverPrintsSecrets() {
    CredentialsStrategy s = strategy();
    assertThat(s.toString()).doesNotContain(CANARY);
    Optional<HeaderFactory> factory = s.configure(applicableConfig());
    factory.ifPresent(f -> assertThat(f.toString()).doesNotContain(CANARY));
    assertThat(s.requirement()).doesNotContain(CANARY);
  }
}
