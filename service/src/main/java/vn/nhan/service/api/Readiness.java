package vn.nhan.service.api;

import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/** The model for a request, or 503 while none is loaded. */
final class Readiness {
    private Readiness() {
    }

    static LoadedModel model(ModelHolder models) {
        return models.current().orElseThrow(() -> new ApiError(503, "not_ready", "no model is loaded yet; retry shortly"));
    }
}
