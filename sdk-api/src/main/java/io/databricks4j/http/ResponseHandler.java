package io.databricks4j.http;

import java.io.IOException;

/**
 * Turns a successful response into what the caller wants: a decoded model, a few headers, nothing.
 * It runs inside the attempt, before the response is closed, so that a connection lost while the
 * body arrives fails the attempt and is retried like any other failure of a request that may be
 * repeated.
 *
 * @param <T> what the handler returns
 */
@FunctionalInterface
public interface ResponseHandler<T> {

  /**
   * Reads {@code response} (status 2xx). The caller closes it afterwards.
   *
   * @throws IOException when reading the body fails; the attempt fails with it
   */
  T handle(HttpResponse response) throws IOException;
}
