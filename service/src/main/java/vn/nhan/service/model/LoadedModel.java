package vn.nhan.service.model;

import java.nio.file.Path;
import java.time.Instant;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.model.Classifier;
import vn.nhan.model.CoalescingScorer;

/**
 * A bundle loaded and ready to serve, with when it was loaded and the scorer that coalesces
 * concurrent single-document requests into batched model calls.
 */
public record LoadedModel(ModelBundle bundle, Instant loadedAt, CoalescingScorer scorer) {
    /** Batches of at most this many concurrent single requests share one model call. */
    static final int COALESCE_MAX = 64;

    public LoadedModel(ModelBundle bundle, Instant loadedAt) {
        this(bundle, loadedAt, new CoalescingScorer(bundle.classifier(), COALESCE_MAX));
    }

    public Classifier classifier() {
        return bundle.classifier();
    }

    public String id() {
        return bundle.id();
    }

    public String version() {
        return bundle.version();
    }

    public Path path() {
        return bundle.path();
    }
}
