/**
 * databricks4j core: configuration resolution, credential plug-in discovery, and the HTTP
 * pipeline (Feign contracts, Jackson, Failsafe, the Apache HttpClient 5 transport) every generated
 * service uses.
 */
module io.databricks4j.core {
  requires transitive io.databricks4j.api;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive feign.core;
  requires dev.failsafe.core;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;

  exports io.databricks4j.core;
  exports io.databricks4j.core.auth;
  exports io.databricks4j.core.config;
  exports io.databricks4j.core.error;
  exports io.databricks4j.core.http;
  exports io.databricks4j.core.paging;
  exports io.databricks4j.core.retry;
  exports io.databricks4j.core.useragent;
  exports io.databricks4j.core.wait;

  uses io.databricks4j.auth.AttributeProvider;
  uses io.databricks4j.auth.CredentialsStrategy;
  uses io.databricks4j.auth.HostResolver;
  uses io.databricks4j.http.HttpPolicy;
  uses io.databricks4j.http.HttpTransportProvider;

  provides io.databricks4j.http.HttpSender with io.databricks4j.core.internal.StandaloneSender;
  provides io.databricks4j.http.HttpTransportProvider
      with io.databricks4j.core.http.internal.apache.ApacheTransportProvider;
}
