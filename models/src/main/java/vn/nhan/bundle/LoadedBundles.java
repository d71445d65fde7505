package vn.nhan.bundle;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bundles loaded once per JVM and shared by every caller in it (the tasks of a batch job that run
 * in one worker process, say): keyed by the bundle's directory and version, so that a new version
 * in the same directory is loaded afresh and a stale copy is never served for it. Thread-safe; a
 * bundle is loaded by the first caller that asks for it while the others wait.
 */
public final class LoadedBundles {
    private static final Map<Key, ModelBundle> LOADED = new ConcurrentHashMap<>();

    private record Key(Path dir, String version) { }

    private LoadedBundles() {
    }

    /**
     * The bundle at {@code dir}, loaded and validated on the first call; {@code expectedVersion}
     * is the version the caller was told to use, and a bundle of another version is refused.
     */
    public static ModelBundle get(Path dir, String expectedVersion) throws BundleException {
        Key key = new Key(dir.toAbsolutePath().normalize(), expectedVersion);
        ModelBundle loaded = LOADED.get(key);
        if (loaded != null) {
            return loaded;
        }
        synchronized (LoadedBundles.class) {
            loaded = LOADED.get(key);
            if (loaded == null) {
                loaded = ModelBundle.load(key.dir());
                if (!Objects.equals(loaded.version(), expectedVersion)) {
                    throw new BundleException("model bundle " + key.dir() + " has version " + loaded.version()
                            + ", expected " + expectedVersion + " (was it replaced while the job ran?)");
                }
                LOADED.put(key, loaded);
            }
            return loaded;
        }
    }
}
