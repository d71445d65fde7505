package vn.nhan.cli;

import java.io.PrintStream;
import vn.nhan.model.ProgressListener;

/**
 * Prints progress to standard error. On a terminal a stage's progress is one line that updates in
 * place; in a log (not a terminal) a stage prints when it starts and when it finishes. Details
 * (each neural epoch's losses) appear only with {@code --verbose}.
 */
final class ConsoleProgress implements ProgressListener {
    /** Set by {@code nhan --verbose} (any command). */
    static volatile boolean verbose;

    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private String lastStage = "";
    private boolean openLine;

    ConsoleProgress(PrintStream err) {
        this(err, err == System.err && System.console() != null);
    }

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(String stage, int done, int total) {
        long now = System.nanoTime();
        boolean newStage = !stage.equals(lastStage);
        if (terminal) {
            if (newStage || done == total || now - lastPrint > 200_000_000L) {
                err.printf("\r[%6.1fs] %s: %d/%d\u001B[K", elapsed(), stage, done, total);
                openLine = true;
                if (done == total) {
                    endLine();
                }
                lastPrint = now;
            }
        } else if (newStage || done == total) {
            err.printf("[%6.1fs] %s: %d/%d%n", elapsed(), stage, done, total);
        }
        lastStage = stage;
    }

    @Override
    public synchronized void message(String text) {
        endLine();
        err.printf("[%6.1fs] %s%n", elapsed(), text);
    }

    @Override
    public synchronized void detail(String text) {
        if (verbose) {
            message(text);
        }
    }

    private void endLine() {
        if (openLine) {
            err.println();
            openLine = false;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
