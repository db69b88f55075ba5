package io.databricks4j.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.Util;
import io.databricks4j.http.HttpResponse;
import io.databricks4j.error.DatabricksException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * JSON of the generated services: Jackson reads the response bytes straight from the stream (no
 * {@link java.io.Reader} in between) with one {@link ObjectReader} per type, built once, and writes
 * request bodies with one {@link ObjectWriter} per type.
 */
public final class JsonCodec {
  private final Supplier<ObjectMapper> mapper;
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
  private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();
  private final Map<Type, Boolean> preparing = new ConcurrentHashMap<>();

  /** A codec of the mapper {@code mapper} supplies when JSON is first read or written (on a warm-up thread, typically). */
  public JsonCodec(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  /**
   * Builds the reader of {@code type} on another thread unless it exists or is being built, so the
   * first call of an operation gets its deserializer ready while the request is under way.
   */
  public void prepare(Type type) {
    if (type == void.class || type == Void.class || readers.containsKey(type)
        || preparing.putIfAbsent(type, Boolean.TRUE) != null) {
      return;
    }
    Background.run("databricks4j-json", () -> {
      try {
        reader(type);
      } catch (RuntimeException e) {
        // read builds it again and reports the problem where it belongs
      }
    });
  }

  private ObjectReader reader(Type type) {
    return readers.computeIfAbsent(type, t -> {
      ObjectMapper m = mapper.get();
      return m.readerFor(m.constructType(t));
    });
  }

  /**
   * The body of {@code response} as {@code type}; an empty body or a 204 is Feign's empty value
   * (null for a model). Runs inside the attempt: a body that ends inside the JSON (a connection
   * closed early) is an {@link EOFException}, which the pipeline retries like a reset, and a
   * lost connection is the transport's own {@link IOException}. Any other parse failure is final.
   *
   * @throws DatabricksException when the body is complete but not JSON of {@code type}
   */
  public Object decode(HttpResponse response, Type type) throws IOException {
    if (response.status() == 204) {
      return Util.emptyValueOf(type);
    }
    ObjectReader reader = reader(type);
    try (InputStream in = response.body(); JsonParser parser = reader.createParser(in)) {
      if (parser.nextToken() == null) {
        return Util.emptyValueOf(type);
      }
      return reader.readValue(parser);
    } catch (JsonEOFException e) {
      EOFException eof = new EOFException("the body ended inside the JSON (" + where(e) + "): the connection was "
          + "closed before the whole answer arrived");
      eof.initCause(e);
      throw eof;
    } catch (JsonProcessingException e) {
      // the parser's own message may quote the body, which can hold a secret: say where, not what
      throw new DatabricksException("the answer (HTTP " + response.status() + ") is not valid JSON for "
          + simpleName(type) + " (" + e.getClass().getSimpleName() + " " + where(e) + "). Check that the "
          + "host is a Databricks workspace or account URL and that no proxy rewrites its answers; run with DEBUG "
          + "logging of io.databricks4j to see the body.", e);
    }
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? "at an unknown place" : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** {@code value} as the JSON of {@code type}. */
  public byte[] write(Object value, Type type) {
    ObjectWriter writer = writers.computeIfAbsent(type, t -> {
      ObjectMapper m = mapper.get();
      return m.writerFor(m.constructType(t));
    });
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new DatabricksException("cannot write " + simpleName(type) + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String simpleName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }
}
