package io.databricks4j.examples;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.mixin.files.DbfsOpenOptions;
import io.databricks4j.mixin.files.TransferOptions;
import io.databricks4j.service.files.FileInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a text file to DBFS through a stream, reads it back line by line, uploads and downloads
 * a binary file with progress, lists the folder, and deletes it. Everything goes under a new
 * {@code dbfs:/tmp/databricks4j-example-...} folder.
 */
public final class DbfsReadWrite {
  private DbfsReadWrite() {}

  public static void main(String[] args) {
    try (ExampleWorkspace ws = ExampleWorkspace.open()) {
      run(ws.client(), System.out);
    }
  }

  public static void run(WorkspaceClient w, PrintStream out) {
    String dir = "dbfs:/tmp/databricks4j-example-" + UUID.randomUUID();
    try {
      // 1. write text through an OutputStream: 1 MB blocks are sent as they fill; close completes the file
      try (PrintWriter text = new PrintWriter(new OutputStreamWriter(
          w.dbfs().open(dir + "/lines.txt", DbfsOpenOptions.write()), StandardCharsets.UTF_8))) {
        for (int i = 1; i <= 3; i++) {
          text.println("line " + i);
        }
      }
      // 2. read it back through an InputStream (1 MB reads by offset)
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          w.dbfs().open(dir + "/lines.txt", DbfsOpenOptions.read()), StandardCharsets.UTF_8))) {
        in.lines().forEach(l -> out.println("read: " + l));
      }

      // 3. upload a 3 MB file and download it again, with progress
      Path local = Files.createTempFile("databricks4j-example", ".bin");
      byte[] data = new byte[3 * 1024 * 1024];
      new Random(1).nextBytes(data);
      Files.write(local, data);
      // the listener is told of every chunk: print each whole MiB and the end
      AtomicLong printed = new AtomicLong(-1);
      TransferOptions progress = TransferOptions.builder().progress((done, total) -> {
        if (done == total || done >> 20 != printed.get() >> 20) {
          printed.set(done);
          out.printf("  %,d of %,d bytes%n", done, total);
        }
      }).build();
      out.println("upload:");
      w.dbfs().upload(dir + "/data.bin", local, true, progress);
      out.println("download:");
      Path back = Files.createTempFile("databricks4j-example", ".bin");
      w.dbfs().download(dir + "/data.bin", back, progress);
      out.println("same bytes: " + (Files.mismatch(local, back) == -1));
      Files.delete(local);
      Files.delete(back);

      // 4. list and clean up
      for (FileInfo f : w.dbfs().list(dir, true)) {
        out.printf("%-70s %,12d%n", f.path(), f.fileSize());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dbfs().delete(dir, true);
      out.println("deleted " + dir);
    }
  }

}
