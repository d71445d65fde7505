package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.nhan.data.Document;
import vn.nhan.features.SparseVector;

/** Coalesced scoring gives every caller exactly its own document's scores, under concurrency too. */
class CoalescingScorerTest {
    @Test
    void concurrentCallersGetTheScoresOfTheirOwnDocuments() throws Exception {
        List<Document> docs = SyntheticCorpus.documents(48, 7);
        Classifier classifier = new ClassifierTrainer(SyntheticCorpus.config(ModelType.ENSEMBLE), ProgressListener.SILENT)
                .train(docs, SyntheticCorpus.taxonomy()).classifier();
        List<SparseVector> rows = new ArrayList<>();
        for (Document d : docs) {
            rows.add(classifier.features().extract(d.title(), d.text()));
        }
        float[][] expected = classifier.scores(rows);
        CoalescingScorer scorer = new CoalescingScorer(classifier, 8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 20; round++) {
                List<Future<float[]>> futures = new ArrayList<>();
                for (SparseVector row : rows) {
                    futures.add(pool.submit(() -> scorer.score(row)));
                }
                for (int i = 0; i < rows.size(); i++) {
                    assertArrayEquals(expected[i], futures.get(i).get(), 1e-6f, "document " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CoalescingScorer(null, 0));
    }
}
