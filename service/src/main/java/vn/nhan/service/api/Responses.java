package vn.nhan.service.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.Label;
import vn.nhan.model.Classifier;
import vn.nhan.model.Evidence;
import vn.nhan.model.Prediction;
import vn.nhan.model.TermWeight;
import vn.nhan.service.serving.LoadedModel;

/** The JSON shapes the API answers with. */
final class Responses {
    private Responses() {
    }

    static Map<String, Object> model(LoadedModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", model.id());
        m.put("version", model.version());
        return m;
    }

    /** labels (passing thresholds, best first, at most topK, explained when asked) and all scores of one article. */
    static Map<String, Object> result(LoadedModel model, ClassifyRequest request, Prediction prediction) {
        Classifier classifier = model.classifier();
        List<Map<String, Object>> labels = new ArrayList<>();
        for (Prediction.LabelScore label : prediction.labels()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", label.id());
            entry.put("name", label.name());
            entry.put("score", round(label.score()));
            if (request.explain()) {
                entry.put("evidence", label.evidence().stream().map(Responses::evidence).toList());
                entry.put("ngrams", ngrams(label.terms()));
            }
            labels.add(entry);
        }
        float[] scores = prediction.scores();
        Map<String, Object> all = new LinkedHashMap<>();
        for (int l = 0; l < scores.length; l++) {
            all.put(classifier.taxonomy().get(l).id(), round(scores[l]));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (request.id() != null) {
            out.put("id", request.id());
        }
        out.put("labels", labels);
        out.put("scores", all);
        if (request.truncated()) {
            out.put("truncated", true);
        }
        return out;
    }

    private static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", e.text());
        m.put("field", e.field());
        m.put("start", e.start());
        m.put("end", e.end());
        m.put("score", round(e.score()));
        return m;
    }

    static List<Map<String, Object>> labels(LoadedModel model) {
        Classifier classifier = model.classifier();
        float[] thresholds = classifier.thresholds();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int l = 0; l < classifier.taxonomy().size(); l++) {
            Label label = classifier.taxonomy().get(l);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", label.id());
            entry.put("name", label.name());
            entry.put("group", label.group());
            entry.put("description", label.description());
            entry.put("threshold", round(thresholds[l]));
            out.add(entry);
        }
        return out;
    }

    private static List<Map<String, Object>> ngrams(List<TermWeight> terms) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TermWeight t : terms) {
            out.add(Map.of("ngram", t.ngram(), "weight", round(t.weight())));
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }
}
