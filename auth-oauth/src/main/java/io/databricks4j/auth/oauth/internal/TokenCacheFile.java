package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * The login cache {@code <home>/.databricks/token-cache.json}, in the Databricks CLI's layout
 * ({@code {"version": 1, "tokens": {key: {access_token, token_type, refresh_token, expiry}}}}) so
 * the CLI's own entries survive our writes. The file is replaced atomically by one created with
 * mode 0600 (0700 for a new directory) where the file system is POSIX.
 */
final class TokenCacheFile {
  private static final System.Logger LOG = System.getLogger(TokenCacheFile.class.getName());
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private final Path file;

  TokenCacheFile(Path file) {
    this.file = file;
  }

  static TokenCacheFile inHome(Path home) {
    return new TokenCacheFile(home.resolve(".databricks").resolve("token-cache.json"));
  }

  Path path() {
    return file;
  }

  /** The token cached under {@code key}; empty when there is none or the file cannot be read. */
  synchronized Optional<Token> load(String key) {
    try {
      JSONObject tokens = JSONObjectUtils.getJSONObject(read(), "tokens", new JSONObject());
      JSONObject entry = JSONObjectUtils.getJSONObject(tokens, key, null);
      if (entry == null) {
        return Optional.empty();
      }
      String expiry = JSONObjectUtils.getString(entry, "expiry", null);
      return Optional.of(Token.of(JSONObjectUtils.getNonBlankString(entry, "access_token"),
          JSONObjectUtils.getString(entry, "token_type", "Bearer"),
          expiry == null || expiry.isBlank() ? null : OffsetDateTime.parse(expiry).toInstant(),
          JSONObjectUtils.getString(entry, "refresh_token", null)));
    } catch (ParseException | DateTimeParseException | IOException e) {
      LOG.log(System.Logger.Level.DEBUG,
          () -> "ignoring unreadable token cache " + file + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  /** Stores {@code token} under {@code key}, keeping every other entry. */
  synchronized void save(String key, Token token) {
    try {
      JSONObject root;
      try {
        root = read();
      } catch (ParseException e) {
        root = new JSONObject(); // a corrupt cache is replaced
      }
      JSONObject tokens = JSONObjectUtils.getJSONObject(root, "tokens", new JSONObject());
      JSONObject entry = new JSONObject();
      entry.put("access_token", token.accessToken());
      entry.put("token_type", token.tokenType());
      token.refreshToken().ifPresent(r -> entry.put("refresh_token", r));
      token.expiry().ifPresent(e -> entry.put("expiry", e.toString()));
      tokens.put(key, entry);
      root.putIfAbsent("version", 1);
      root.put("tokens", tokens);
      write(root.toJSONString(JSONStyle.LT_COMPRESS)); // quoted keys and values, '/' not escaped
    } catch (IOException | ParseException e) {
      throw new CredentialsException("cannot write the token cache " + file + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); check the permissions of " + file.getParent(), e);
    }
  }

  private JSONObject read() throws IOException, ParseException {
    try {
      return JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new JSONObject();
    }
  }

  private void write(String json) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, attributes("rwx------"));
    }
    Path temp = Files.createTempFile(dir, ".token-cache", ".tmp", attributes("rw-------"));
    try {
      Files.writeString(temp, json, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] attributes(String mode) {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
        : new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "TokenCacheFile{" + file + "}";
  }
}
