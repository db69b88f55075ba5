package io.databricks4j.auth.gcp.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never leave this module in a message: the credentials JSON, its private key (every
 * line of it) and its key id, plus anything that looks like key material or a token. Exceptions
 * are passed on as {@link Redacted} copies, so not even a cause can carry them.
 */
public final class Secrets {
  private static final Pattern PEM = Pattern.compile("-----BEGIN[^-]*-----.*?(-----END[^-]*-----|$)", Pattern.DOTALL);
  private static final Pattern LONG_BASE64 = Pattern.compile("[A-Za-z0-9+/_=.\\-]{64,}");
  private static final Pattern FIELD = Pattern.compile("\"(private_key|private_key_id|client_secret|refresh_token)\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
  private static final Secrets NONE = new Secrets(List.of());

  private final List<String> literals;

  private Secrets(List<String> literals) {
    this.literals = literals;
  }

  public static Secrets none() {
    return NONE;
  }

  /** The secrets of a credentials JSON document. */
  public static Secrets of(String json) {
    Set<String> found = new HashSet<>();
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      String value = m.group(2).replace("\\n", "\n").replace("\\r", "\r").replace("\\/", "/");
      for (String line : value.split("\\R")) {
        if (line.strip().length() >= 8) {
          found.add(line.strip());
        }
      }
    }
    List<String> literals = new ArrayList<>(found);
    literals.sort((a, b) -> b.length() - a.length());
    if (json.strip().length() >= 8) {
      literals.add(0, json.strip());
    }
    return new Secrets(List.copyOf(literals));
  }

  /** {@code message} with every secret, PEM block and long base64 run replaced by {@code ***}. */
  public String redact(String message) {
    if (message == null) {
      return null;
    }
    String out = message;
    for (String literal : literals) {
      out = out.replace(literal, "***");
    }
    out = PEM.matcher(out).replaceAll("***");
    return LONG_BASE64.matcher(out).replaceAll("***");
  }

  /** A copy of {@code e} and its causes whose messages are redacted; stack traces are kept. */
  public RuntimeException sanitize(Throwable e) {
    return Redacted.copy(e, this, new HashSet<>());
  }

  /** An exception standing in for another, named by class, with a redacted message. */
  public static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Redacted(String message, Throwable cause) {
      super(message, cause);
    }

    static Redacted copy(Throwable e, Secrets secrets, Set<Throwable> seen) {
      if (e == null || !seen.add(e)) {
        return null;
      }
      Redacted copy = new Redacted(e.getClass().getName() + ": " + secrets.redact(String.valueOf(e.getMessage())),
          copy(e.getCause(), secrets, seen));
      copy.setStackTrace(e.getStackTrace());
      return copy;
    }
  }
}
