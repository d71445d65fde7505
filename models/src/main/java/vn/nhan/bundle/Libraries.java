package vn.nhan.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Versions of Nhãn and the libraries a model was built with, for the manifest's provenance. They
 * come from the build: Maven fills {@code versions.properties} from the poms.
 */
public final class Libraries {
    private static final String RESOURCE = "versions.properties";
    private static final Map<String, String> BUILD = load();

    private Libraries() {
    }

    /** This build's version of Nhãn ({@code project.version} of the poms). */
    public static String nhanVersion() {
        return BUILD.get("nhan");
    }

    static Map<String, String> versions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nhan", BUILD.get("nhan"));
        m.put("java", System.getProperty("java.version"));
        m.put("deeplearning4j", BUILD.get("deeplearning4j"));
        m.put("nd4j", BUILD.get("nd4j"));
        m.put("smile", BUILD.get("smile"));
        return m;
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = Libraries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: build Nhãn with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (value.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by Maven (" + key + "=" + value + ")");
            }
            m.put(key, value);
        }
        return m;
    }
}
