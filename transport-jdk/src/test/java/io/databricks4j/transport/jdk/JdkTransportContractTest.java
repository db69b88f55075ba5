package io.databricks4j.transport.jdk;

import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.testing.HttpTransportContract;

class JdkTransportContractTest extends HttpTransportContract {

  @Override
  protected HttpTransport createTransport(HttpTransportOptions options) {
    return new JdkTransportProvider().create(options);
  }

  @Override
  protected String providerName() {
    return "jdk";
  }

  @Override
  protected boolean supportsCustomNameResolver() {
    return false;
  }
}
