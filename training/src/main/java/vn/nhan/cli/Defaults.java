package vn.nhan.cli;

import java.nio.file.Path;

/** Defaults the commands share, overridable by environment variables. */
final class Defaults {
    private Defaults() {
    }

    /** The default corpus: $NHAN_HOME/data/corpus when the launcher set NHAN_HOME, else data/corpus. */
    static Path corpusPath() {
        String home = System.getenv("NHAN_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "data", "corpus") : Path.of("data", "corpus");
    }

    /** $NHAN_TAXONOMY, else data/taxonomy.json under the working directory. */
    static Path taxonomyPath() {
        String env = System.getenv("NHAN_TAXONOMY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("data", "taxonomy.json");
    }
}
