package io.databricks4j.core.config;

import io.databricks4j.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code .databrickscfg}: INI sections of {@code key = value}. Values may be wrapped in
 * single or double quotes; a {@code #} or {@code ;} after whitespace starts a comment. Keys are
 * lower-cased; section names are kept as written. Sections do not inherit from {@code [DEFAULT]}.
 */
public final class ConfigFile {
  /** The section that holds settings of the file itself, never a profile. */
  public static final String SETTINGS_SECTION = "__settings__";
  /** The profile used when nothing names one. */
  public static final String DEFAULT_PROFILE = "DEFAULT";

  private final Path path;
  private final Map<String, Map<String, String>> sections;

  private ConfigFile(Path path, Map<String, Map<String, String>> sections) {
    this.path = path;
    this.sections = sections;
  }

  /**
   * Reads {@code path}; empty when the file does not exist.
   *
   * @throws ConfigException when the file cannot be read or parsed, naming the file and line
   */
  public static Optional<ConfigFile> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (Files.isDirectory(path)) {
        throw new ConfigException("cannot read config file " + path + ": it is a directory; point config_file or DATABRICKS_CONFIG_FILE at a file", e);
      }
      throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    return Optional.of(parse(path, lines));
  }

  static ConfigFile parse(Path path, List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        int end = line.indexOf(']');
        if (end < 0) {
          throw malformed(path, i, "a section header without ']'");
        }
        String name = line.substring(1, end).strip();
        current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw malformed(path, i, "a line that is neither [section] nor key = value");
      }
      if (current == null) {
        current = sections.computeIfAbsent(DEFAULT_PROFILE, k -> new LinkedHashMap<>());
      }
      String key = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      current.put(key, value(line.substring(eq + 1).strip()));
    }
    sections.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return new ConfigFile(path, Collections.unmodifiableMap(sections));
  }

  private static String value(String raw) {
    if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
      int close = raw.indexOf(raw.charAt(0), 1);
      if (close > 0) {
        return raw.substring(1, close);
      }
    }
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c == '#' || c == ';') && Character.isWhitespace(raw.charAt(i - 1))) {
        return raw.substring(0, i).strip();
      }
    }
    return raw;
  }

  private static ConfigException malformed(Path path, int index, String what) {
    // the line itself is not quoted: it may hold a secret
    return new ConfigException("cannot parse config file " + path + ": line " + (index + 1) + " is " + what
        + ". Fix the file (INI format: [profile] then key = value lines) or point DATABRICKS_CONFIG_FILE elsewhere");
  }

  public Path path() {
    return path;
  }

  /** Profile (section) names in file order, {@code __settings__} excluded. */
  public List<String> profiles() {
    return sections.keySet().stream().filter(s -> !s.equals(SETTINGS_SECTION)).toList();
  }

  /** The keys and values of one section. */
  public Optional<Map<String, String>> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  /** {@code [__settings__] default_profile}, when set and not blank. */
  public Optional<String> defaultProfileSetting() {
    return section(SETTINGS_SECTION).map(s -> s.get("default_profile")).map(String::strip).filter(s -> !s.isEmpty());
  }
}
