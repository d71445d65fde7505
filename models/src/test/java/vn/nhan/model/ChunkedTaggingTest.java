package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.bundle.BundleException;
import vn.nhan.bundle.LoadedBundles;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.data.Document;

/** Tagging a stream chunk by chunk (lazily, in order, as ArticleLabels), and bundles loaded once per JVM. */
class ChunkedTaggingTest {
    private static final List<Document> DOCS = SyntheticCorpus.documents(40, 5);
    private static TrainingResult trained;
    private static Tagger tagger;

    @BeforeAll
    static void train() {
        trained = new ClassifierTrainer(SyntheticCorpus.config(ModelType.LINEAR), ProgressListener.SILENT)
                .train(SyntheticCorpus.documents(60, 3), SyntheticCorpus.taxonomy());
        tagger = new Tagger(trained.classifier());
    }

    @Test
    void chunksGiveTheLabelsOfTagAllInInputOrder() {
        List<Prediction> whole = tagger.tagAll(DOCS, TagOptions.defaults());
        List<ArticleLabels> chunked = new ArrayList<>();
        ChunkedTagging.labels(tagger, DOCS.iterator(), TagOptions.defaults(), 7).forEachRemaining(chunked::add);
        assertEquals(DOCS.size(), chunked.size());
        for (int i = 0; i < DOCS.size(); i++) {
            assertEquals(ArticleLabels.of(tagger.classifier(), DOCS.get(i).id(), whole.get(i)), chunked.get(i));
        }
        assertTrue(chunked.stream().anyMatch(a -> !a.labels().isEmpty()));
        assertEquals(SyntheticCorpus.taxonomy().size(), chunked.get(0).scores().size());
    }

    @Test
    void articlesAreReadOneChunkAtATime() {
        AtomicInteger read = new AtomicInteger();
        Iterator<Document> counting = new Iterator<>() {
            private final Iterator<Document> in = DOCS.iterator();

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public Document next() {
                read.incrementAndGet();
                return in.next();
            }
        };
        Iterator<ArticleLabels> labels = ChunkedTagging.labels(tagger, counting, TagOptions.defaults(), 16);
        assertEquals(0, read.get(), "nothing is read before it is asked for");
        labels.next();
        assertEquals(16, read.get());
        for (int i = 1; i < 17; i++) {
            labels.next();
        }
        assertEquals(32, read.get());
        assertThrows(IllegalArgumentException.class, () -> ChunkedTagging.labels(tagger, counting, TagOptions.defaults(), 0));
    }

    @Test
    void scoresAreRoundedToFourDecimals() {
        assertEquals(0.1235, ArticleLabels.round(0.12345f), 1e-12);
        assertEquals(1.0, ArticleLabels.round(0.99996f), 1e-12);
        assertEquals(0.0, ArticleLabels.round(0.00004f), 1e-12);
    }

    @Test
    void aBundleIsLoadedOncePerDirectoryAndVersion(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        ModelBundle saved = ModelBundle.save(trained, SyntheticCorpus.config(ModelType.LINEAR),
                TrainingData.of(DOCS, List.of("synthetic")), dir);
        ModelBundle first = LoadedBundles.get(dir, saved.version());
        assertSame(first, LoadedBundles.get(tmp.resolve("model/../model"), saved.version()));

        BundleException e = assertThrows(BundleException.class, () -> LoadedBundles.get(dir, "some-other-version"));
        assertTrue(e.getMessage().contains("has version " + saved.version() + ", expected some-other-version"), e.getMessage());

        ModelBundle replaced = ModelBundle.save(trained, SyntheticCorpus.config(ModelType.LINEAR),
                TrainingData.of(DOCS, List.of("synthetic")), dir);
        assertFalse(replaced.version().equals(saved.version()), "a new save is a new version");
        assertNotSame(first, LoadedBundles.get(dir, replaced.version()));
    }
}
