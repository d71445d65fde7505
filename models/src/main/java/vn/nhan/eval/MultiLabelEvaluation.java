package vn.nhan.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of evaluating multi-label predictions on a test set. All values are in [0, 1].
 *
 * <p>Conventions (chosen to match scikit-learn where it has one):
 * <ul>
 *   <li><b>micro</b> precision/recall/F1 pool the true positive, false positive and false negative
 *       counts of all labels and documents, then take the ratios; a zero denominator gives 0.</li>
 *   <li><b>macro</b> precision/recall/F1 are the unweighted means over labels of the per-label
 *       values (macro F1 is the mean of per-label F1, not the F1 of macro P and R). Per-label
 *       values use {@code zero_division=0}. Labels with zero support <em>and</em> zero predictions
 *       are <em>excluded</em> from the mean, as they carry no information about the model (unlike
 *       scikit-learn, which would count them as 0). A label with no support that is predicted
 *       anyway is kept, with precision, recall and F1 of 0. When every label is excluded the
 *       macro values are 0.</li>
 *   <li><b>samples F1</b> is the mean over documents of the per-document F1
 *       {@code 2|gold ∩ predicted| / (|gold| + |predicted|)}; a document with no gold and no
 *       predicted labels scores 1 (an off-topic article correctly left unlabelled).</li>
 *   <li><b>hamming loss</b> is the number of wrong (document, label) cells divided by
 *       {@code documents × labels}.</li>
 *   <li><b>subset accuracy</b> is the fraction of documents whose predicted label set equals the
 *       gold set exactly.</li>
 *   <li><b>precision@1</b> is computed over the documents with at least one gold label: the
 *       fraction whose highest-scored label (first in label order on ties) is a gold label. It is 0
 *       when no document has a gold label.</li>
 * </ul>
 *
 * @param nDocuments      number of documents evaluated
 * @param microPrecision  pooled precision
 * @param microRecall     pooled recall
 * @param microF1         pooled F1
 * @param macroPrecision  mean per-label precision over the labels present in gold or predictions
 * @param macroRecall     mean per-label recall over the same labels
 * @param macroF1         mean per-label F1 over the same labels
 * @param samplesF1       mean per-document F1
 * @param hammingLoss     fraction of wrong cells
 * @param subsetAccuracy  fraction of documents predicted exactly
 * @param precisionAt1    fraction of labelled documents whose top-scored label is gold
 * @param perLabel        metrics per label id, in the evaluator's label order (unmodifiable)
 */
public record MultiLabelEvaluation(int nDocuments, double microPrecision, double microRecall,
                                   double microF1, double macroPrecision, double macroRecall,
                                   double macroF1, double samplesF1, double hammingLoss,
                                   double subsetAccuracy, double precisionAt1,
                                   Map<String, LabelEvaluation> perLabel) {

    /** Copies {@code perLabel}, keeping its order, so that the record is immutable. */
    public MultiLabelEvaluation {
        Objects.requireNonNull(perLabel, "perLabel must not be null");
        perLabel = Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
    }

    /** The label ids in evaluation order. */
    public List<String> labelIds() {
        return List.copyOf(perLabel.keySet());
    }
}
