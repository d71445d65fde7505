package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits from the environment, and the checks that tie them to the rest of the configuration. */
class ServiceLimitsTest {
    @Test
    void eachLimitComesFromItsVariableOrItsDefault() {
        ServiceLimits limits = ServiceLimits.fromEnvironment(Map.of("NHAN_BODY_BUDGET", "8_388_608", "NHAN_MAX_CHARS", "5000"));
        assertEquals(8 << 20, limits.bodyBudget());
        assertEquals(5000, limits.maxChars());
        assertEquals(ServiceLimits.DEFAULTS.queue(), limits.queue());
        assertEquals(ServiceLimits.DEFAULTS, ServiceLimits.fromEnvironment(Map.of()));
    }

    @Test
    void aBadValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceLimits.fromEnvironment(Map.of("NHAN_BODY_BUDGET", "4MB")));
        assertEquals("NHAN_BODY_BUDGET must be a whole number between 0 and 2147483647, got '4MB'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServiceLimits.fromEnvironment(Map.of("NHAN_BODY_BUDGET", "1000")));
        assertEquals("the body budget (bytes) must be at least 65536, got 1000", e.getMessage());
    }

    @Test
    void theBodyBudgetMustHoldOneBodyOfTheLargestSize() {
        ServiceConfig config = ServiceConfig.forBundle(Path.of("model"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config.withLimits(config.limits().withBodyBudget((int) config.maxBodyBytes() - 1)));
        assertTrue(e.getMessage().startsWith("the body budget (NHAN_BODY_BUDGET, 1048575 bytes) must hold at least one body of the largest size"),
                e.getMessage());
    }
}
