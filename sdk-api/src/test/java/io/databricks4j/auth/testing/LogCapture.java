package io.databricks4j.auth.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Reads everything logged through java.util.logging at every level while open: the root logger is
 * set to {@code ALL} and a handler at {@code ALL} keeps each record formatted with its logger name,
 * message and thrown exception (stack trace and causes included). {@link System.Logger} ends up here
 * too (the JDK's default logger finder is java.util.logging), and so does SLF4J when a test puts
 * {@code slf4j-jdk14} on the class path. Levels are restored on {@link #close()}.
 */
public final class LogCapture implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Level rootLevel = root.getLevel();
  private final List<Logger> raised = new ArrayList<>(); // strong references: JUL forgets levels of collected loggers
  private final List<Level> previous = new ArrayList<>();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      String line = record.getLoggerName() + " " + record.getLevel() + " " + formatter.format(record);
      synchronized (lines) {
        lines.add(line);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Starts capturing; {@code alsoAtAll} names loggers that may have a level of their own to raise to {@code ALL}. */
  public LogCapture(String... alsoAtAll) {
    handler.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    for (String name : alsoAtAll) {
      Logger l = Logger.getLogger(name);
      raised.add(l);
      previous.add(l.getLevel());
      l.setLevel(Level.ALL);
    }
    root.addHandler(handler);
  }

  /** Every record captured so far, one formatted string each. */
  public List<String> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  /** The captured records that contain any of {@code secrets}. */
  public List<String> linesContaining(String... secrets) {
    List<String> out = new ArrayList<>();
    for (String line : lines()) {
      for (String s : secrets) {
        if (line.contains(s)) {
          out.add(line);
          break;
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(rootLevel);
    for (int i = 0; i < raised.size(); i++) {
      raised.get(i).setLevel(previous.get(i));
    }
  }
}
