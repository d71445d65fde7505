package vn.nhan.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's limits from the environment, checked, and URLs shown without their password. */
class StoreLimitsTest {
    @Test
    void limitsComeFromTheEnvironmentWithDefaultsForWhatIsUnset() {
        assertEquals(StoreLimits.DEFAULTS, StoreLimits.fromEnvironment(Map.of()));
        StoreLimits l = StoreLimits.fromEnvironment(Map.of("NHAN_STORE_POOL", "8", "NHAN_STORE_CONNECT_TIMEOUT_MS", "2000",
                "NHAN_STORE_LOCK_TIMEOUT_MS", " 500 ", "NHAN_STORE_RETRY_MS", "1000"));
        assertEquals(8, l.poolSize());
        assertEquals(Duration.ofMillis(2000), l.connectionTimeout());
        assertEquals(Duration.ofMillis(500), l.lockTimeout());
        assertEquals(Duration.ofSeconds(1), l.retryInterval());
        assertEquals(StoreLimits.DEFAULTS.queryTimeout(), l.queryTimeout());
    }

    @Test
    void badLimitsAreRefusedWithWhatWasExpectedAndWhatCame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreLimits.fromEnvironment(Map.of("NHAN_STORE_LOCK_TIMEOUT_MS", "1s")));
        assertEquals("NHAN_STORE_LOCK_TIMEOUT_MS must be a whole number, got '1s'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StoreLimits.fromEnvironment(Map.of("NHAN_STORE_CONNECT_TIMEOUT_MS", "100")));
        assertEquals("the store's connection timeout must be at least 250 ms, got PT0.1S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreLimits.fromEnvironment(Map.of("NHAN_STORE_POOL", "0")));
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        String shown = FeedbackStore.redacted("jdbc:postgresql://db:5432/nhan?user=nhan&password=s3cret&ssl=true");
        assertFalse(shown.contains("s3cret"), shown);
        assertEquals("jdbc:postgresql://db:5432/nhan?user=nhan&password=***&ssl=true", shown);
    }
}
