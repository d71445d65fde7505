package vn.nhan.cli;

import java.io.PrintStream;
import vn.nhan.model.ProgressListener;

/** Prints progress to standard error, at most a few lines a second per stage. */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastPrint;
    private String lastStage = "";

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void step(String stage, int done, int total) {
        long now = System.nanoTime();
        if (done == total || !stage.equals(lastStage) || now - lastPrint > 500_000_000L) {
            err.printf("[%6.1fs] %s: %d/%d%n", elapsed(), stage, done, total);
            lastPrint = now;
            lastStage = stage;
        }
    }

    @Override
    public synchronized void message(String text) {
        err.printf("[%6.1fs] %s%n", elapsed(), text);
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
