package io.databricks4j.auth;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A configuration attribute a plug-in reads: core resolves it like a built-in one (client builder,
 * then environment, then {@code .databrickscfg} profile), shows it with its source in {@code auth
 * describe}, and prints a sensitive one as {@code ***} everywhere. Declared through an {@link
 * AttributeProvider}; read with {@link ConfigView#attribute(String)}. Immutable; {@link #builder(String)}.
 */
public final class AttributeSpec {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** How a value is read and checked. */
  public enum Kind {
    STRING,
    /** a whole number */
    INT,
    /** {@code true}/{@code false}/{@code 1}/{@code 0} */
    BOOLEAN,
    /** comma- or space-separated */
    LIST
  }

  private final String name;
  private final List<String> envVars;
  private final String profileKey;
  private final Kind kind;
  private final boolean sensitive;
  private final String authGroup;
  private final String description;

  private AttributeSpec(Builder b) {
    this.name = b.name;
    this.envVars = b.envVars != null ? b.envVars : List.of("DATABRICKS_" + b.name.toUpperCase(Locale.ROOT));
    this.profileKey = b.profileKey != null ? b.profileKey : b.name;
    this.kind = b.kind;
    this.sensitive = b.sensitive;
    this.authGroup = b.authGroup;
    this.description = b.description;
  }

  /**
   * A builder of the attribute {@code name}: lower snake case, the word used in arguments and
   * messages ({@code vault_path}).
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** The environment variables read, first one wins; {@code DATABRICKS_} + upper snake case unless given. */
  public List<String> envVars() {
    return envVars;
  }

  /** The key in a {@code .databrickscfg} profile; the name unless given. */
  public String profileKey() {
    return profileKey;
  }

  public Kind kind() {
    return kind;
  }

  /** Printed as {@code ***} everywhere. */
  public boolean sensitive() {
    return sensitive;
  }

  /**
   * The authentication method this attribute configures ({@code vault}, say): two methods with
   * attributes set is the "more than one authorization method configured" error, unless
   * {@code auth_type} picks one.
   */
  public Optional<String> authGroup() {
    return Optional.ofNullable(authGroup);
  }

  /** One line saying what the attribute is, for {@code auth describe} and error messages. */
  public String description() {
    return description;
  }

  /** A problem with {@code value} for this attribute, or empty when it is valid. */
  public Optional<String> validate(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case INT -> v.matches("[+-]?\\d{1,9}") ? Optional.empty()
          : Optional.of(name + " must be a whole number, got \"" + (sensitive ? "***" : value) + "\"");
      case BOOLEAN -> v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0") || v.isEmpty()
          ? Optional.empty() : Optional.of(name + " must be true or false, got \"" + (sensitive ? "***" : value) + "\"");
      default -> Optional.empty();
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeSpec a && a.name.equals(name) && a.envVars.equals(envVars)
        && a.profileKey.equals(profileKey) && a.kind == kind && a.sensitive == sensitive
        && Objects.equals(a.authGroup, authGroup);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "AttributeSpec{" + name + ", env=" + envVars + ", profileKey=" + profileKey + ", " + kind
        + (sensitive ? ", sensitive" : "") + (authGroup == null ? "" : ", authGroup=" + authGroup) + "}";
  }

  /** Builder of {@link AttributeSpec}. */
  public static final class Builder {
    private final String name;
    private List<String> envVars;
    private String profileKey;
    private Kind kind = Kind.STRING;
    private boolean sensitive;
    private String authGroup;
    private String description = "";

    private Builder(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("an attribute name is lower snake case (vault_path), got: " + name);
      }
      this.name = name;
    }

    /** The environment variables, first one wins. */
    public Builder envVars(String... v) {
      envVars = List.of(v);
      return this;
    }

    public Builder profileKey(String v) {
      profileKey = Objects.requireNonNull(v, "profileKey");
      return this;
    }

    public Builder kind(Kind v) {
      kind = Objects.requireNonNull(v, "kind");
      return this;
    }

    public Builder sensitive(boolean v) {
      sensitive = v;
      return this;
    }

    public Builder authGroup(String v) {
      authGroup = v;
      return this;
    }

    public Builder description(String v) {
      description = Objects.requireNonNull(v, "description");
      return this;
    }

    public AttributeSpec build() {
      return new AttributeSpec(this);
    }
  }
}
