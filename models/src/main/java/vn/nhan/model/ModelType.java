package vn.nhan.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which model produces the scores: the combination of both, or one alone. */
public enum ModelType {
    ENSEMBLE, NEURAL, LINEAR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ModelType parse(String text) {
        for (ModelType t : values()) {
            if (t.id().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("model type '" + text + "' is not one of ensemble, neural, linear");
    }

    public boolean usesNeural() {
        return this != LINEAR;
    }

    public boolean usesLinear() {
        return this != NEURAL;
    }
}
