package vn.nhan.spark;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import vn.nhan.bundle.LoadedBundles;
import vn.nhan.data.Document;
import vn.nhan.model.ChunkedTagging;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;

/**
 * Scores one partition of articles with the bundle shipped to the executor (by
 * {@code SparkContext.addFile}), loaded once per executor JVM by {@link LoadedBundles}: the same
 * {@link Tagger} path, options and output record as {@code nhan classify}.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, LabelsRecord> {
    private static final long serialVersionUID = 1L;
    private final String bundleName;
    private final String bundleVersion;
    private final int chunk;

    /** {@code bundleName}: the name the bundle directory was added under; {@code bundleVersion}: the version the driver validated. */
    PartitionScorer(String bundleName, String bundleVersion, int chunk) {
        this.bundleName = bundleName;
        this.bundleVersion = bundleVersion;
        this.chunk = chunk;
    }

    @Override
    public Iterator<LabelsRecord> call(Iterator<Row> rows) throws Exception {
        Tagger tagger = new Tagger(LoadedBundles.get(Path.of(SparkFiles.get(bundleName)), bundleVersion).classifier());
        Iterator<Document> documents = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Document next() {
                return document(rows.next());
            }
        };
        Iterator<vn.nhan.model.ArticleLabels> labels = ChunkedTagging.labels(tagger, documents, TagOptions.defaults(), chunk);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return labels.hasNext();
            }

            @Override
            public LabelsRecord next() {
                return LabelsRecord.of(labels.next());
            }
        };
    }

    /** An input row as an article, refusing rows that are not one. */
    static Document document(Row row) {
        String source = row.getAs(ArchiveInput.SOURCE);
        String corrupt = row.getAs(ArchiveInput.CORRUPT);
        if (corrupt != null) {
            throw new InvalidArticleException("input " + source + " has a line that is not a JSON article: " + abbreviate(corrupt));
        }
        String id = row.getAs("id");
        String text = row.getAs("text");
        if (id == null || id.isBlank()) {
            throw new InvalidArticleException("input " + source + " has an article without an \"id\""
                    + (text == null ? "" : " (text: " + abbreviate(text) + ")"));
        }
        if (text == null) {
            throw new InvalidArticleException("input " + source + ": article '" + id + "' has no \"text\"");
        }
        return new Document(id, row.getAs("title"), text, labels(row, source, id), source);
    }

    /** The row's gold labels; null when it has none (classify ignores them, evaluate needs them). */
    static List<String> labels(Row row, String source, String id) {
        List<String> labels = row.getList(row.fieldIndex(ArchiveInput.LABELS));
        if (labels != null && labels.contains(null)) {
            throw new InvalidArticleException("input " + source + ": article '" + id + "' has a null in \"labels\"; expected label ids");
        }
        return labels;
    }

    private static String abbreviate(String s) {
        String line = s.strip().replace('\n', ' ');
        return line.length() <= 80 ? "'" + line + "'" : "'" + line.substring(0, 80) + "...'";
    }
}
