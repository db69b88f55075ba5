package io.databricks4j.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ClientsTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger made = new AtomicInteger();

  private Clients clients(Duration ttl, Duration idle) {
    return new Clients(() -> {
      made.incrementAndGet();
      return HttpClient.newBuilder().build();
    }, ttl, idle, now::get);
  }

  @Test
  void oneClientUntilTheTtl() {
    Clients clients = clients(Duration.ofNanos(100), Duration.ofDays(1));
    HttpClient first = clients.get();
    now.addAndGet(99);
    assertThat(clients.get()).isSameAs(first);
    now.addAndGet(1);
    assertThat(clients.get()).isNotSameAs(first);
    assertThat(made).hasValue(2);
  }

  @Test
  void noTtlKeepsTheClient() {
    Clients clients = clients(null, Duration.ofDays(1));
    HttpClient first = clients.get();
    now.addAndGet(Duration.ofHours(20).toNanos());
    assertThat(clients.get()).isSameAs(first);
  }

  @Test
  void anIdleClientIsReplacedWhereTheJdkCanShutItDown() {
    Clients clients = clients(null, Duration.ofNanos(50));
    HttpClient first = clients.get();
    now.addAndGet(49);
    assertThat(clients.get()).isSameAs(first);
    now.addAndGet(49);
    assertThat(clients.get()).as("used 49 ns ago").isSameAs(first);
    now.addAndGet(50);
    assertThat(clients.get() != first).isEqualTo(Clients.canShutDownClients());
  }

  @Test
  void aClosedSourceGivesNoClient() {
    Clients clients = clients(null, Duration.ofSeconds(1));
    clients.get();
    clients.close();
    assertThatThrownBy(clients::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
