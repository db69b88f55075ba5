package io.databricks4j.mixin.workspace;

import io.databricks4j.mixin.files.ProgressListener;
import io.databricks4j.service.workspace.ImportFormat;
import io.databricks4j.service.workspace.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link WorkspaceExt#upload} imports: the format ({@code AUTO} by default: a notebook when
 * the content looks like one, else a file), the language of a {@code SOURCE} notebook, whether to
 * overwrite, and a progress listener. Immutable; {@link #builder()}, {@link #toBuilder()}.
 */
public final class ImportOptions {
  private final ImportFormat format;
  private final Language language;
  private final boolean overwrite;
  private final ProgressListener progress;

  private ImportOptions(Builder b) {
    this.format = b.format;
    this.language = b.language;
    this.overwrite = b.overwrite;
    this.progress = b.progress;
  }

  /** {@code AUTO}, no language, no overwrite. */
  public static ImportOptions defaults() {
    return builder().build();
  }

  /** Options of {@code format}. */
  public static ImportOptions of(ImportFormat format) {
    return builder().format(format).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().format(format).overwrite(overwrite).progress(progress);
    b.language = language;
    return b;
  }

  public ImportFormat format() {
    return format;
  }

  /** The language of a {@code SOURCE} notebook; empty to infer it from the path's extension. */
  public Optional<Language> language() {
    return Optional.ofNullable(language);
  }

  public boolean overwrite() {
    return overwrite;
  }

  public ProgressListener progress() {
    return progress;
  }

  @Override
  public String toString() {
    return "ImportOptions{format=" + format + (language == null ? "" : ", language=" + language)
        + (overwrite ? ", overwrite" : "") + "}";
  }

  /** Builder of {@link ImportOptions}. */
  public static final class Builder {
    private ImportFormat format = ImportFormat.AUTO;
    private Language language;
    private boolean overwrite;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    public Builder format(ImportFormat v) {
      format = Objects.requireNonNull(v, "format");
      return this;
    }

    public Builder language(Language v) {
      language = Objects.requireNonNull(v, "language");
      return this;
    }

    public Builder overwrite(boolean v) {
      overwrite = v;
      return this;
    }

    public Builder progress(ProgressListener v) {
      progress = Objects.requireNonNull(v, "progress");
      return this;
    }

    public ImportOptions build() {
      return new ImportOptions(this);
    }
  }
}
