package vn.nhan.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import vn.nhan.features.SparseVector;

/**
 * Scores single documents from many threads, coalescing the documents that arrive while a scoring
 * call is running into the next call (group commit): one DL4J call costs about 70 µs whatever its
 * batch size up to dozens of rows, so under concurrency this saves most of that per request. An
 * idle caller is never delayed: with no call running it scores its document at once.
 */
public final class CoalescingScorer {
    private final Classifier classifier;
    private final int maxBatch;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean leading;

    private static final class Pending {
        final SparseVector features;
        float[] scores;
        RuntimeException failure;

        Pending(SparseVector features) {
            this.features = features;
        }

        boolean done() {
            return scores != null || failure != null;
        }
    }

    public CoalescingScorer(Classifier classifier, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.classifier = classifier;
        this.maxBatch = maxBatch;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** The calibrated scores of one document (the classifier's own view). */
    public float[] score(SparseVector features) {
        Pending mine = new Pending(features);
        synchronized (this) {
            queue.add(mine);
            while (leading && !mine.done()) {
                waitUninterruptibly();
            }
            if (mine.done()) {
                return result(mine);
            }
            leading = true;
        }
        try {
            while (!mine.done()) {
                scoreNextBatch();
            }
        } finally {
            synchronized (this) {
                leading = false;
                notifyAll();
            }
        }
        return result(mine);
    }

    private void scoreNextBatch() {
        List<Pending> batch = new ArrayList<>();
        synchronized (this) {
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
        }
        try {
            float[][] scores = classifier.scores(batch.stream().map(p -> p.features).toList());
            synchronized (this) {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).scores = scores[i];
                }
                notifyAll();
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                batch.forEach(p -> p.failure = e);
                notifyAll();
            }
        }
    }

    private static float[] result(Pending p) {
        if (p.failure != null) {
            throw p.failure;
        }
        return p.scores;
    }

    private void waitUninterruptibly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
