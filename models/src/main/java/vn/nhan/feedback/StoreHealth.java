package vn.nhan.feedback;

import java.time.Instant;

/** Whether the store answered its last use or check: up, or degraded with the reason and since when. */
public record StoreHealth(boolean up, String reason, Instant since) {
    static StoreHealth up(Instant since) {
        return new StoreHealth(true, null, since);
    }

    static StoreHealth degraded(String reason, Instant since) {
        return new StoreHealth(false, reason, since);
    }
}
