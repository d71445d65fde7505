package vn.nhan.service.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.service.TestModels;

/** Bundles saved back to back get distinct, increasing versions, which the registry keeps as they are (BundleClockTest: saves in one millisecond). */
class BundleVersionsTest {
    @TempDir
    Path dir;

    @Test
    void backToBackSavesHaveDistinctVersionsAndTheRegistryKeepsThem() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"));
        TestModels.save(dir.resolve("warm")); // trains the shared model first
        List<ModelBundle> saved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            saved.add(TestModels.save(registry.stagingPath()));
        }
        List<String> added = new ArrayList<>();
        for (ModelBundle bundle : saved) {
            added.add(registry.add(bundle.path()));
        }
        assertEquals(saved.stream().map(ModelBundle::version).toList(), added, "the registry's versions are the bundles' own, no suffix needed");
        assertEquals(4, new HashSet<>(added).size(), added.toString());
        assertNotEquals(saved.get(0).id(), saved.get(1).id());
        assertEquals(added, registry.versions().subList(0, 4));
    }
}
