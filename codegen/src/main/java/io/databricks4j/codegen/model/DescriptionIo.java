package io.databricks4j.codegen.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.databricks4j.codegen.model.ApiModel.Index;
import io.databricks4j.codegen.model.ApiModel.PackageDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes the API description. Output is byte-stable: keys sorted, two-space indent,
 * {@code \n} line ends, one trailing newline, so a diff between two extractions is the API
 * change.
 */
public final class DescriptionIo {
  public static final String INDEX = "index.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(new Printer());

  /**
   * Two-space indent, {@code \n} line ends and {@code "name": value}. Written with the API every
   * supported Jackson has (2.15 has no {@code Separators.Spacing}), so the services tests run on
   * the lowest one too.
   */
  private static final class Printer extends DefaultPrettyPrinter {
    Printer() {
      DefaultIndenter lf = new DefaultIndenter("  ", "\n");
      indentObjectsWith(lf);
      indentArraysWith(lf);
    }

    private Printer(Printer base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }
  }

  private DescriptionIo() {}

  public static void write(Path file, Object value) {
    try {
      String json = WRITER.writeValueAsString(value) + "\n";
      Files.createDirectories(file.getParent());
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static Index readIndex(Path dir) {
    return read(dir.resolve(INDEX), Index.class);
  }

  /** Every package description in {@code dir}, sorted by package name. */
  public static List<PackageDescription> readPackages(Path dir) {
    List<PackageDescription> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p :
          files
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .filter(f -> !f.getFileName().toString().equals(INDEX))
              .sorted()
              .toList()) {
        result.add(read(p, PackageDescription.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return result;
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
