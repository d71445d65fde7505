package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation and serialisation of {@link FeatureConfig}. */
class FeatureConfigTest {

    @Test
    void defaultsAreUniAndBigramsOfBothViews() {
        FeatureConfig c = FeatureConfig.defaults();
        assertEquals(1, c.minN());
        assertEquals(2, c.maxN());
        assertEquals(2, c.strippedMaxN());
        assertEquals(2, c.minDf());
        assertEquals(0.95, c.maxDfRatio());
        assertEquals(500_000, c.maxFeatures());
    }

    @Test
    void minNBelowOneIsRefused() {
        assertRefused(() -> new FeatureConfig(0, 3, 2, 2, 0.95, 10), "n-gram range must satisfy 1 <= minN <= maxN <= 5, got 0..3");
    }

    @Test
    void maxNBelowMinNIsRefused() {
        assertRefused(() -> FeatureConfig.defaults().withNgrams(3, 2), "n-gram range must satisfy 1 <= minN <= maxN <= 5, got 3..2");
    }

    @Test
    void maxNAboveFiveIsRefused() {
        assertRefused(() -> FeatureConfig.defaults().withNgrams(1, 6), "got 1..6");
    }

    @Test
    void negativeStrippedMaxNIsRefused() {
        assertRefused(() -> FeatureConfig.defaults().withStrippedMaxN(-1), "strippedMaxN must be between 0 and 5, got -1");
    }

    @Test
    void strippedMaxNAboveFiveIsRefused() {
        assertRefused(() -> FeatureConfig.defaults().withStrippedMaxN(6), "strippedMaxN must be between 0 and 5, got 6");
    }

    @Test
    void minDfBelowOneIsRefused() {
        assertRefused(() -> FeatureConfig.defaults().withMinDf(0), "minDf must be at least 1, got 0");
    }

    @Test
    void maxDfRatioOutsideZeroToOneIsRefused() {
        assertRefused(() -> new FeatureConfig(1, 3, 2, 2, 0, 10), "maxDfRatio must be in (0, 1], got 0.0");
        assertRefused(() -> new FeatureConfig(1, 3, 2, 2, 1.01, 10), "maxDfRatio must be in (0, 1], got 1.01");
        assertRefused(() -> new FeatureConfig(1, 3, 2, 2, -0.5, 10), "got -0.5");
        assertRefused(() -> new FeatureConfig(1, 3, 2, 2, Double.NaN, 10), "got NaN");
    }

    @Test
    void maxFeaturesBelowOneIsRefused() {
        assertRefused(() -> new FeatureConfig(1, 3, 2, 2, 0.95, 0), "maxFeatures must be positive, got 0");
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        assertDoesNotThrow(() -> new FeatureConfig(1, 1, 0, 1, 1.0, 1));
        assertDoesNotThrow(() -> new FeatureConfig(5, 5, 5, 1, Double.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void withMethodsChangeOnlyTheirOwnSetting() {
        FeatureConfig c = FeatureConfig.defaults().withNgrams(2, 4).withStrippedMaxN(0).withMinDf(5);
        assertEquals(new FeatureConfig(2, 4, 0, 5, 0.95, 500_000), c);
    }

    @Test
    void aConfigSurvivesAJsonRoundTrip() throws Exception {
        FeatureConfig c = new FeatureConfig(2, 4, 1, 3, 0.8, 12345);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(c);
        assertEquals(c, json.readValue(text, FeatureConfig.class));
        Map<String, Object> read = json.readValue(text, new TypeReference<Map<String, Object>>() { });
        assertEquals(Map.of("min_n", 2, "max_n", 4, "stripped_max_n", 1, "min_df", 3, "max_df_ratio", 0.8, "max_features", 12345), read);
    }

    private static void assertRefused(Executable construction, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(messagePart), () -> "expected the message to contain '" + messagePart + "', was: " + e.getMessage());
    }
}
