package vn.nhan.bundle;

import java.io.IOException;

/** A bundle that cannot be used: missing, truncated, tampered with, or of an unknown format. */
public final class BundleException extends IOException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
