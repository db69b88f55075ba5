package io.databricks4j.auth.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record at every level (the Google libraries and System.Logger
 * both end up there), including google-http-client's request and response dumps.
 */
final class LogCapture implements AutoCloseable {
  private static final String[] LOGGERS = {"", "com.google", "com.google.api.client.http.HttpTransport", "io.databricks4j"};
  private final List<String> lines = new ArrayList<>();
  private final List<Level> previous = new ArrayList<>();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
      lines.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    handler.setLevel(Level.ALL);
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      previous.add(logger.getLevel());
      logger.setLevel(Level.ALL);
    }
    Logger.getLogger("").addHandler(handler);
  }

  synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(handler);
    for (int i = 0; i < LOGGERS.length; i++) {
      Logger.getLogger(LOGGERS[i]).setLevel(previous.get(i));
    }
  }
}
