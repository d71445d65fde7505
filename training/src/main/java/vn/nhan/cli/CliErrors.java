package vn.nhan.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import vn.nhan.model.TooFewExamplesException;

/** One-line descriptions of failures for people, instead of stack traces. */
final class CliErrors {
    private CliErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooFewExamplesException few) {
                return few.getMessage() + (few.examples() == 0
                        ? "; or pass --taxonomy corpus to train on the labels the corpus uses"
                        : "; or pass --taxonomy FILE without this label (--taxonomy corpus takes the labels the corpus uses)");
            }
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: give the JVM more with JAVA_OPTS=-Xmx8g";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }
}
