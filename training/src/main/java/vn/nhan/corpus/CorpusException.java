package vn.nhan.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Bad input in a corpus file, with the file and line it was found on. */
public final class CorpusException extends IOException {
    public CorpusException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public CorpusException(String message) {
        super(message);
    }
}
