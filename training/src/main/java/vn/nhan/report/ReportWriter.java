package vn.nhan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import vn.nhan.bundle.AtomicFiles;

/**
 * Writes an {@link EvaluationReport} as three files in a directory: {@code report.json} (for
 * programs), {@code report.md} (for reading in a terminal or a code review) and
 * {@code report.html} (a self-contained page with charts, no script, no network access).
 *
 * <p>The directory is created if needed. Each file is written to a temporary file in the same
 * directory and then moved into place atomically, replacing any previous report, so a reader
 * never sees a half-written file.
 */
public final class ReportWriter {

    /** Name of the JSON report. */
    public static final String JSON = "report.json";
    /** Name of the Markdown report. */
    public static final String MARKDOWN = "report.md";
    /** Name of the HTML report. */
    public static final String HTML = "report.html";

    /**
     * The files written.
     *
     * @param json     the JSON report
     * @param markdown the Markdown report
     * @param html     the HTML report
     */
    public record ReportFiles(Path json, Path markdown, Path html) {
    }

    /**
     * Renders and writes the three reports into {@code directory}.
     *
     * @return the paths of the files written
     * @throws IOException if the directory cannot be created or a file cannot be written
     */
    public ReportFiles write(EvaluationReport report, Path directory) throws IOException {
        Objects.requireNonNull(report, "report must not be null");
        Objects.requireNonNull(directory, "directory must not be null");
        Files.createDirectories(directory);
        ReportFiles files = new ReportFiles(directory.resolve(JSON), directory.resolve(MARKDOWN),
                directory.resolve(HTML));
        AtomicFiles.writeString(files.json(), JsonReport.render(report));
        AtomicFiles.writeString(files.markdown(), MarkdownReport.render(report));
        AtomicFiles.writeString(files.html(), HtmlReport.render(report));
        return files;
    }
}
