package vn.nhan.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the Smile binary-relevance logistic regression: L2 penalty, tolerance, iterations. */
public record LinearConfig(double lambda, double tolerance, int maxIterations) {
    public LinearConfig {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    public static LinearConfig defaults() {
        return new LinearConfig(0.1, 1e-4, 200);
    }

    public LinearConfig withLambda(double l) {
        return new LinearConfig(l, tolerance, maxIterations);
    }

    public LinearConfig withMaxIterations(int n) {
        return new LinearConfig(lambda, tolerance, n);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("tolerance", tolerance);
        m.put("max_iterations", maxIterations);
        return m;
    }

    public static LinearConfig fromMap(Map<String, Object> m) {
        return new LinearConfig(((Number) m.get("lambda")).doubleValue(), ((Number) m.get("tolerance")).doubleValue(),
                ((Number) m.get("max_iterations")).intValue());
    }
}
