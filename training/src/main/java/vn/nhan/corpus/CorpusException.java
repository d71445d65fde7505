package vn.nhan.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Bad input in a corpus file, with the file and line it was found on. */
public final class CorpusException extends IOException {
    private final boolean notACorpusFormat;

    public CorpusException(Path file, int line, String message) {
        this(file + (line > 0 ? ":" + line : "") + ": " + message, false);
    }

    public CorpusException(String message) {
        this(message, false);
    }

    private CorpusException(String message, boolean notACorpusFormat) {
        super(message);
        this.notACorpusFormat = notACorpusFormat;
    }

    /** The input is in none of the corpus formats (not JSON where JSON was expected, an unknown file type). */
    public static CorpusException notACorpusFormat(Path file, int line, String message) {
        return new CorpusException(file + (line > 0 ? ":" + line : "") + ": " + message, true);
    }

    /** Whether the input was in none of the corpus formats, rather than a corpus with a bad record. */
    public boolean notACorpusFormat() {
        return notACorpusFormat;
    }

    /** This error with {@code hint} added to its message. */
    public CorpusException withHint(String hint) {
        return new CorpusException(getMessage() + "; " + hint, notACorpusFormat);
    }
}
