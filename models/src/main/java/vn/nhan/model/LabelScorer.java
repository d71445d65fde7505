package vn.nhan.model;

import java.util.List;
import vn.nhan.features.SparseVector;

/** A model that gives every label a probability for each document. Thread-safe. */
public interface LabelScorer {
    /** One row per document, one column per label, each in [0, 1]. */
    float[][] scores(List<SparseVector> documents);

    int labelCount();
}
