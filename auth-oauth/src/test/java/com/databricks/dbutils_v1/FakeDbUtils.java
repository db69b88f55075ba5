package com.databricks.dbutils_v1;

import java.util.NoSuchElementException;

/** The parts of a runtime's dbutils that the notebook context is read through, with values of a test's choosing. */
public final class FakeDbUtils {
  private final Notebook notebook;

  public FakeDbUtils(String apiUrl, String apiToken) {
    this.notebook = new Notebook(new Context(apiUrl, apiToken));
  }

  /** Changes the token the context hands out, as the runtime renews it. */
  public void renew(String apiToken) {
    notebook.context.apiToken = apiToken;
  }

  public static final class Notebook {
    private final Context context;

    Notebook(Context context) {
      this.context = context;
    }

    public Context getContext() {
      return context;
    }
  }

  public static final class Context {
    private final String apiUrl;
    private volatile String apiToken;

    Context(String apiUrl, String apiToken) {
      this.apiUrl = apiUrl;
      this.apiToken = apiToken;
    }

    public Option apiUrl() {
      return new Option(apiUrl);
    }

    public Option apiToken() {
      return new Option(apiToken);
    }
  }

  /** A Scala {@code Option}: {@code get()} of None throws. */
  public static final class Option {
    private final String value;

    Option(String value) {
      this.value = value;
    }

    public String get() {
      if (value == null) {
        throw new NoSuchElementException("None.get");
      }
      return value;
    }
  }
}
