package io.databricks4j.core.internal;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.function.Supplier;

/** A Feign target whose URL is the client's host, looked up when the first request goes out. */
public final class LazyHostTarget<T> implements Target<T> {
  private final Class<T> type;
  private final Supplier<String> host;

  public LazyHostTarget(Class<T> type, Supplier<String> host) {
    this.type = type;
    this.host = host;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String name() {
    return type.getSimpleName();
  }

  @Override
  public String url() {
    return host.get();
  }

  @Override
  public Request apply(RequestTemplate input) {
    if (input.url().indexOf("http") != 0) {
      input.target(url());
    }
    return input.request();
  }

  @Override
  public String toString() {
    return "LazyHostTarget{" + type.getSimpleName() + "}";
  }
}
