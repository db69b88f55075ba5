package io.databricks4j.core.http.internal.apache;

import io.databricks4j.http.HttpTransport;
import io.databricks4j.http.HttpTransportOptions;
import io.databricks4j.http.testing.HttpTransportContract;

/** The default transport against the contract every transport runs. */
class ApacheTransportContractTest extends HttpTransportContract {

  @Override
  protected HttpTransport createTransport(HttpTransportOptions options) {
    return new ApacheTransportProvider().create(options);
  }

  @Override
  protected String providerName() {
    return ApacheTransportProvider.NAME;
  }

  /** HttpClient's classic API blocks on sockets: an interrupt is seen before an exchange, not during it. */
  @Override
  protected boolean interruptsBlockedIo() {
    return false;
  }
}
