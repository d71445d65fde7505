package vn.nhan.service.api;

import vn.nhan.model.Prediction;
import vn.nhan.service.serving.LoadedModel;

/**
 * A POST /v1/classify that was answered: the model, the request as classified (title and text cut
 * to the character limit) and the prediction sent back. Kept as a request attribute for the
 * after-handlers, so the review queue keeps what was classified without tagging it again.
 */
record Answered(LoadedModel model, ClassifyRequest request, Prediction prediction) {
    static final String ATTRIBUTE = "nhan.answered";
}
