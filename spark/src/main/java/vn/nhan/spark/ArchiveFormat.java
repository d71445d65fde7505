package vn.nhan.spark;

import java.util.Locale;

/** How an archive is stored: JSON lines or Parquet. */
enum ArchiveFormat {
    JSONL, PARQUET;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For picocli: accepts the lower-case names, and says which exist when given another. */
    static ArchiveFormat parse(String text) {
        for (ArchiveFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + text + "' is not one of jsonl, parquet");
    }
}
