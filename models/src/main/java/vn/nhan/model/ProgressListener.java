package vn.nhan.model;

/** Receives progress of long runs (documents read, folds, epochs); the CLI prints it. */
public interface ProgressListener {
    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void step(String stage, int done, int total) {
        }

        @Override
        public void message(String text) {
        }
    };

    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void step(String stage, int done, int total);

    /** A free-form line worth showing, such as the ensemble weight chosen. */
    void message(String text);

    /** A line for those who asked for every detail, such as each epoch's validation loss. */
    default void detail(String text) {
    }
}
