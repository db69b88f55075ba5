package io.databricks4j.auth.oauth.internal;

import java.net.URI;

/** Shows the user a login page (a seam: tests fetch the URL themselves). */
@FunctionalInterface
interface Browser {

  /** Opens {@code url}; returns at once, the login completes at the loopback listener. */
  void open(URI url);

  /** The desktop browser when there is one, else the URL printed on standard error. */
  static Browser system() {
    return url -> {
      try {
        if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
            && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
          java.awt.Desktop.getDesktop().browse(url);
          return;
        }
      } catch (Exception | LinkageError e) {
        // no java.desktop module, or no browser: fall through to printing the URL
      }
      System.err.println("Open this URL in a browser to log in to Databricks:");
      System.err.println(url);
    };
  }
}
