package vn.nhan.cli;

import java.nio.file.Path;

/** Defaults the commands share, overridable by environment variables. */
final class Defaults {
    private Defaults() {
    }

    /** $NHAN_TAXONOMY, else data/taxonomy.json under the working directory. */
    static Path taxonomyPath() {
        String env = System.getenv("NHAN_TAXONOMY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("data", "taxonomy.json");
    }
}
