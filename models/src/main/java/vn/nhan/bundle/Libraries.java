package vn.nhan.bundle;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions of the libraries a model was built with, for the manifest's provenance. */
final class Libraries {
    private Libraries() {
    }

    static Map<String, Object> versions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nhan", versionOf(ModelBundle.class, "0.1.0-SNAPSHOT"));
        m.put("java", System.getProperty("java.version"));
        m.put("deeplearning4j", "1.0.0-M2.1");
        m.put("nd4j", "1.0.0-M2.1");
        m.put("smile", versionOf(smile.classification.SparseLogisticRegression.class, "3.1.1"));
        return m;
    }

    private static String versionOf(Class<?> type, String fallback) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }
}
