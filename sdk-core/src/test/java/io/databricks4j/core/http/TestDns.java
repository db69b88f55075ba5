package io.databricks4j.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/** A {@link DnsResolver} from a lambda, for tests. */
final class TestDns implements DnsResolver {
  @FunctionalInterface
  interface Lookup {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Lookup lookup;

  private TestDns(Lookup lookup) {
    this.lookup = lookup;
  }

  static DnsResolver of(Lookup lookup) {
    return new TestDns(lookup);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return lookup.resolve(host);
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
