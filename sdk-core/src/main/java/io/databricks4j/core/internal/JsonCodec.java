package io.databricks4j.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.Util;
import io.databricks4j.core.http.HttpResponse;
import io.databricks4j.error.DatabricksException;
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

  /** The body of {@code response} (closed here) as {@code type}; an empty body or a 204 is Feign's empty value (null for a model). */
  public Object read(HttpResponse response, Type type, String what) {
    try (response) {
      if (response.status() == 204) {
        return Util.emptyValueOf(type);
      }
      ObjectReader reader = reader(type);
      try (InputStream in = response.body(); JsonParser parser = reader.createParser(in)) {
        if (parser.nextToken() == null) {
          return Util.emptyValueOf(type);
        }
        return reader.readValue(parser);
      }
    } catch (JsonProcessingException e) {
      // the parser's own message may quote the body, which can hold a secret: say where, not what
      JsonLocation at = e.getLocation();
      throw new DatabricksException(what + " answered HTTP " + response.status() + " with a body that is not "
          + "valid JSON for " + simpleName(type) + " (" + e.getClass().getSimpleName()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + "). Check that the "
          + "host is a Databricks workspace or account URL and that no proxy rewrites its answers; run with DEBUG "
          + "logging of io.databricks4j to see the body.", e);
    } catch (IOException e) {
      throw new DatabricksException("reading the answer of " + what + " failed: " + e
          + ". The connection was lost while the body arrived; try again.", e);
    }
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
