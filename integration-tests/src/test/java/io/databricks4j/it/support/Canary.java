package io.databricks4j.it.support;

import io.databricks4j.auth.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for secrets everywhere a program could print them while it is open: the SLF4J file
 * (every logger at TRACE, set up by the module's surefire configuration), java.util.logging at
 * ALL ({@link System.Logger} included: the JDK sends it there), standard output and error, and the
 * texts a test adds (the {@code toString} of values, exceptions with their causes and stack
 * traces). Before it reports, it checks that a marker written to each channel was read back, so a
 * channel that is not captured fails the test instead of passing it.
 */
public final class Canary implements AutoCloseable {
  /** The logger names whose own levels java.util.logging might keep below ALL. */
  private static final String[] JUL_LOGGERS = {"com.google", "com.google.api.client.http.HttpTransport",
      "sun.net.www.protocol.http.HttpURLConnection", "jdk.internal.httpclient", "com.sun.net.httpserver",
      "io.databricks4j"};

  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final List<String[]> texts = new ArrayList<>();
  private final LogCapture jul = new LogCapture(JUL_LOGGERS);
  private final Logger julMarkerLogger = Logger.getLogger("it.canary.jul");
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Path slf4jFile = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile",
      "the surefire configuration sets no org.slf4j.simpleLogger.logFile"));
  private final long slf4jStart;
  private final String marker = "it-canary-marker-" + UUID.randomUUID();

  private Canary() {
    julMarkerLogger.setLevel(Level.ALL);
    System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
    org.slf4j.Logger slf4jMarkerLogger = LoggerFactory.getLogger("it.canary.slf4j"); // opens the file first
    slf4jStart = size(slf4jFile);
    slf4jMarkerLogger.trace("{} slf4j", marker);
    julMarkerLogger.finest(marker + " jul");
    System.getLogger("it.canary.system").log(System.Logger.Level.TRACE, marker + " system-logger");
    System.out.println(marker + " stdout");
    System.err.println(marker + " stderr");
  }

  public static Canary start() {
    return new Canary();
  }

  /** A secret to look for; {@code name} says which in the findings. */
  public Canary secret(String name, String value) {
    if (value.length() < 12) {
      throw new IllegalArgumentException("a canary shorter than 12 characters could match by chance: " + name);
    }
    secrets.putIfAbsent(value, name);
    return this;
  }

  /** A text to search too, such as a {@code toString}. */
  public Canary text(String where, String text) {
    texts.add(new String[] {where, String.valueOf(text)});
    return this;
  }

  /** An exception to search: its {@code toString} and stack trace, causes and suppressed ones included. */
  public Canary exception(String where, Throwable t) {
    if (t == null) {
      throw new IllegalArgumentException(where + ": the flow was expected to fail and did not");
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return text(where, t + "\n" + trace);
  }

  /** What was logged to SLF4J since this canary started. */
  public String slf4j() {
    long end = size(slf4jFile);
    try (RandomAccessFile f = new RandomAccessFile(slf4jFile.toFile(), "r")) {
      byte[] bytes = new byte[(int) (end - slf4jStart)];
      f.seek(slf4jStart);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + slf4jFile, e);
    }
  }

  /** The java.util.logging records captured, one formatted string each. */
  public List<String> jul() {
    return jul.lines();
  }

  /** What was printed to standard output and error. */
  public String printed() {
    synchronized (printed) {
      return printed.toString(StandardCharsets.UTF_8);
    }
  }

  /** Channels not read back; empty when every one is captured. */
  public List<String> uncapturedChannels() {
    List<String> missing = new ArrayList<>();
    String slf4j = slf4j();
    String julText = String.join("\n", jul());
    String printedText = printed();
    check(missing, slf4j, marker + " slf4j", "SLF4J file " + slf4jFile);
    check(missing, julText, marker + " jul", "java.util.logging");
    check(missing, julText, marker + " system-logger", "System.Logger");
    check(missing, printedText, marker + " stdout", "standard output");
    check(missing, printedText, marker + " stderr", "standard error");
    return missing;
  }

  private static void check(List<String> missing, String text, String marker, String channel) {
    if (!text.contains(marker)) {
      missing.add(channel);
    }
  }

  /** Where each secret was found: {@code "java.util.logging: client secret of M2M in <line>"}, secrets masked. */
  public List<String> findings() {
    List<String> found = new ArrayList<>();
    scan(found, "SLF4J", slf4j().split("\n"));
    scan(found, "java.util.logging", jul().toArray(String[]::new));
    scan(found, "stdout/stderr", printed().split("\n"));
    for (String[] t : texts) {
      scan(found, t[0], t[1].split("\n"));
    }
    return found;
  }

  private void scan(List<String> found, String channel, String[] lines) {
    for (String line : lines) {
      for (Map.Entry<String, String> s : secrets.entrySet()) {
        if (line.contains(s.getKey())) {
          found.add(channel + ": " + s.getValue() + " in " + mask(line));
        }
      }
    }
  }

  private String mask(String line) {
    String masked = line;
    for (Map.Entry<String, String> s : secrets.entrySet()) {
      masked = masked.replace(s.getKey(), "<" + s.getValue() + ">");
    }
    return masked.length() > 400 ? masked.substring(0, 400) + "..." : masked;
  }

  /** How many lines each channel held, and the java.util.logging loggers that wrote, for the report. */
  public String volume() {
    Map<String, Long> julLoggers = new java.util.TreeMap<>();
    for (String line : jul()) {
      julLoggers.merge(line.substring(0, Math.max(0, line.indexOf(' '))), 1L, Long::sum);
    }
    return "SLF4J " + slf4j().lines().count() + " lines, java.util.logging " + jul().size() + " records "
        + julLoggers + ", stdout/stderr " + printed().lines().count() + " lines, " + texts.size() + " texts, "
        + secrets.size() + " secrets";
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    jul.close();
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes to the original stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream original, ByteArrayOutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      original.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      original.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      original.flush();
    }
  }
}
