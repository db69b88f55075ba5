package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.NameResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/** The options' {@link NameResolver} as HttpClient's {@link DnsResolver}. */
final class Dns implements DnsResolver {
  private final NameResolver resolver;

  Dns(NameResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return resolver.resolve(host);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    InetAddress[] all = resolve(host);
    return all.length == 0 ? host : all[0].getCanonicalHostName();
  }
}
