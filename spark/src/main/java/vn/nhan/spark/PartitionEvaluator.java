package vn.nhan.spark;

import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import vn.nhan.bundle.LoadedBundles;
import vn.nhan.data.Document;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ScoredArticle;

/**
 * Scores one partition of labelled articles for evaluation, on the executor: every model type, with and
 * without passages ({@link ClassifierEvaluator#score}), so the driver receives a few floats per
 * article and label rather than the articles.
 */
final class PartitionEvaluator implements MapPartitionsFunction<Row, ScoredArticle> {
    private static final long serialVersionUID = 1L;
    private final String bundleName;
    private final String bundleVersion;

    PartitionEvaluator(String bundleName, String bundleVersion) {
        this.bundleName = bundleName;
        this.bundleVersion = bundleVersion;
    }

    @Override
    public Iterator<ScoredArticle> call(Iterator<Row> rows) throws Exception {
        Classifier classifier = LoadedBundles.get(Path.of(SparkFiles.get(bundleName)), bundleVersion).classifier();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ScoredArticle next() {
                Row row = rows.next();
                Document d = PartitionScorer.document(row);
                if (PartitionScorer.labels(row, d.source(), d.id()) == null) {
                    throw new InvalidArticleException("input " + d.source() + ": article '" + d.id()
                            + "' has no \"labels\"; evaluate needs labelled articles ([] for none)");
                }
                try {
                    return ClassifierEvaluator.score(classifier, d);
                } catch (IllegalArgumentException e) {
                    throw new InvalidArticleException("input " + d.source() + ": article '" + d.id() + "': " + e.getMessage());
                }
            }
        };
    }
}
