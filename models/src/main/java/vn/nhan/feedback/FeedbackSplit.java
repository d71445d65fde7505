package vn.nhan.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits corrections deterministically into a training part and a held-out part (one in
 * {@value #HELD_OUT_ONE_IN}) by a hash of the document id, so an article stays on its side across
 * retrains, and every correction of one article lands on the same side.
 */
public final class FeedbackSplit {
    public static final int HELD_OUT_ONE_IN = 5;

    private FeedbackSplit() {
    }

    public static boolean isHeldOut(String documentId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
            int bucket = ((h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff)) >>> 1;
            return bucket % HELD_OUT_ONE_IN == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
