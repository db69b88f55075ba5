package io.databricks4j.testkit.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.databricks4j.testkit.internal.Json;
import io.databricks4j.testkit.internal.http.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Conversions of notebooks between their cells and the SOURCE, JUPYTER and DBC formats. */
final class Notebooks {
  private Notebooks() {
  }

  /** A notebook: its language and the source of each cell. */
  record Notebook(String language, List<String> cells) {
  }

  static String comment(String language) {
    return switch (language) {
      case "SCALA" -> "//";
      case "SQL" -> "--";
      default -> "#";
    };
  }

  static String extension(String language) {
    return switch (language) {
      case "SCALA" -> "scala";
      case "SQL" -> "sql";
      case "R" -> "r";
      default -> "py";
    };
  }

  private static String dbcExtension(String language) {
    return switch (language) {
      case "SCALA" -> "scala";
      case "SQL" -> "sql";
      case "R" -> "r";
      default -> "python";
    };
  }

  /** The language a file name or a source header says, or null. */
  static String languageOf(String path, String source) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".py")) {
      return "PYTHON";
    }
    if (lower.endsWith(".scala")) {
      return "SCALA";
    }
    if (lower.endsWith(".sql")) {
      return "SQL";
    }
    if (lower.endsWith(".r")) {
      return "R";
    }
    if (source != null) {
      if (source.startsWith("// Databricks notebook source")) {
        return "SCALA";
      }
      if (source.startsWith("-- Databricks notebook source")) {
        return "SQL";
      }
      if (source.startsWith("# Databricks notebook source")) {
        return "PYTHON";
      }
    }
    return null;
  }

  static boolean hasHeader(String source) {
    return source.startsWith("# Databricks notebook source") || source.startsWith("// Databricks notebook source")
        || source.startsWith("-- Databricks notebook source");
  }

  static Notebook fromSource(String source, String language) {
    String text = source.replace("\r\n", "\n");
    if (hasHeader(text)) {
      int eol = text.indexOf('\n');
      text = eol < 0 ? "" : text.substring(eol + 1);
    }
    String separator = comment(language) + " COMMAND ----------";
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.trim().equals(separator)) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(line).append('\n');
      }
    }
    cells.add(cell.toString().strip());
    return new Notebook(language, cells);
  }

  static String toSource(Notebook nb) {
    String c = comment(nb.language());
    return c + " Databricks notebook source\n" + String.join("\n\n" + c + " COMMAND ----------\n\n", nb.cells()) + "\n";
  }

  static Notebook fromJupyter(byte[] content, String language) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(content);
    } catch (IOException e) {
      throw ApiException.invalid("The content is not a Jupyter notebook: " + e.getMessage());
    }
    if (root == null || !root.path("cells").isArray()) {
      throw ApiException.invalid("The content is not a Jupyter notebook: it has no cells");
    }
    String lang = language;
    if (lang == null) {
      String name = root.path("metadata").path("language_info").path("name").asText(
          root.path("metadata").path("kernelspec").path("language").asText("python"));
      lang = switch (name.toLowerCase(Locale.ROOT)) {
        case "scala" -> "SCALA";
        case "sql" -> "SQL";
        case "r" -> "R";
        default -> "PYTHON";
      };
    }
    List<String> cells = new ArrayList<>();
    for (JsonNode cell : root.path("cells")) {
      JsonNode src = cell.path("source");
      StringBuilder text = new StringBuilder();
      if (src.isArray()) {
        src.forEach(l -> text.append(l.asText()));
      } else {
        text.append(src.asText());
      }
      String body = text.toString().strip();
      cells.add("markdown".equals(cell.path("cell_type").asText()) ? "%md\n" + body : body);
    }
    return new Notebook(lang, cells);
  }

  static byte[] toJupyter(Notebook nb, String name) {
    ArrayNode cells = Json.array();
    for (String cell : nb.cells()) {
      boolean markdown = cell.startsWith("%md");
      String body = markdown ? cell.substring(3).strip() : cell;
      ArrayNode lines = Json.array();
      String[] parts = body.split("\n", -1);
      for (int i = 0; i < parts.length; i++) {
        lines.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
      }
      ObjectNode c = Json.object("cell_type", markdown ? "markdown" : "code", "metadata", Json.object(), "source", lines);
      if (!markdown) {
        c.set("outputs", Json.array());
        c.putNull("execution_count");
      }
      cells.add(c);
    }
    String lang = nb.language().toLowerCase(Locale.ROOT);
    ObjectNode root = Json.object("cells", cells, "metadata", Json.object(
        "application/vnd.databricks.v1+notebook", Json.object("language", lang, "notebookName", name),
        "language_info", Json.object("name", lang)), "nbformat", 4, "nbformat_minor", 0);
    return Json.bytes(root);
  }

  /** A DBC archive of notebooks by relative path (without extension). */
  static byte[] toDbc(Map<String, Notebook> notebooks) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, Notebook> e : notebooks.entrySet()) {
        Notebook nb = e.getValue();
        String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
        ArrayNode commands = Json.array();
        for (int i = 0; i < nb.cells().size(); i++) {
          commands.add(Json.object("version", "CommandV1", "command", nb.cells().get(i), "position", (double) i));
        }
        ObjectNode json = Json.object("version", "NotebookV1", "name", name,
            "language", dbcExtension(nb.language()), "commands", commands);
        zip.putNextEntry(new ZipEntry(e.getKey() + "." + dbcExtension(nb.language())));
        zip.write(Json.bytes(json));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** The notebooks of a DBC archive by relative path (without extension). */
  static Map<String, Notebook> fromDbc(byte[] archive) {
    Map<String, Notebook> notebooks = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        int dot = name.lastIndexOf('.');
        if (entry.isDirectory() || dot < 0) {
          continue;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String language = switch (ext) {
          case "python" -> "PYTHON";
          case "scala" -> "SCALA";
          case "sql" -> "SQL";
          case "r" -> "R";
          default -> null;
        };
        if (language == null) {
          continue;
        }
        JsonNode json = Json.MAPPER.readTree(zip.readAllBytes());
        List<String> cells = new ArrayList<>();
        for (JsonNode command : json.path("commands")) {
          cells.add(command.path("command").asText());
        }
        notebooks.put(name.substring(0, dot), new Notebook(language, cells));
      }
    } catch (IOException | RuntimeException e) {
      throw ApiException.invalid("The content is not a valid DBC archive: " + e.getMessage());
    }
    if (notebooks.isEmpty()) {
      throw ApiException.invalid("The content is not a valid DBC archive: it holds no notebook");
    }
    return notebooks;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
