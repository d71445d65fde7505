package vn.nhan.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import vn.nhan.data.Document;

/**
 * Tags a stream of articles that need not fit in memory (one partition of an archive, say) in
 * chunks: each chunk goes through {@link Tagger#tagAll} on all cores, and the labels come out
 * lazily, in input order, as {@link ArticleLabels}.
 */
public final class ChunkedTagging {
    /** Articles tagged together in one {@link Tagger#tagAll} call. */
    public static final int DEFAULT_CHUNK = 512;

    private ChunkedTagging() {
    }

    /** The labels of every article of {@code documents}, in order, tagged {@code chunk} at a time with {@code options}. */
    public static Iterator<ArticleLabels> labels(Tagger tagger, Iterator<Document> documents, TagOptions options, int chunk) {
        Objects.requireNonNull(tagger, "tagger must not be null");
        Objects.requireNonNull(documents, "documents must not be null");
        Objects.requireNonNull(options, "options must not be null");
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        }
        return new Iterator<>() {
            private final Deque<ArticleLabels> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && documents.hasNext()) {
                    List<Document> next = new ArrayList<>(chunk);
                    while (next.size() < chunk && documents.hasNext()) {
                        next.add(documents.next());
                    }
                    List<Prediction> predictions = tagger.tagAll(next, options);
                    for (int i = 0; i < next.size(); i++) {
                        ready.add(ArticleLabels.of(tagger.classifier(), next.get(i).id(), predictions.get(i)));
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public ArticleLabels next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }
}
