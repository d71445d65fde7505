package vn.nhan.train;

/**
 * What a challenger must do to replace the champion, validated: gain at least {@code minGain}
 * micro-F1 on the test split and lose no label's F1 by more than {@code maxLabelDrop} (on the test
 * split and on the held-out corrections, once there are {@code minHeldOut} of them), and change the
 * labels of at most {@code maxChurn} of the held-out and recent articles unless {@code approve}.
 */
public record GateConfig(double minGain, double maxLabelDrop, double maxChurn, int minHeldOut, boolean approve) {
    public static final double DEFAULT_MIN_GAIN = 0.0;
    public static final double DEFAULT_MAX_LABEL_DROP = 0.10;
    public static final double DEFAULT_MAX_CHURN = 0.2;
    public static final int DEFAULT_MIN_HELD_OUT = 30;

    public GateConfig {
        range("the min gain", minGain, -1, 1);
        range("the max label drop", maxLabelDrop, 0, 1);
        range("the max churn", maxChurn, 0, 1);
        if (minHeldOut < 1) {
            throw new IllegalArgumentException("the held-out minimum must be at least 1, got " + minHeldOut);
        }
    }

    private static void range(String name, double value, double least, double most) {
        if (!Double.isFinite(value) || value < least || value > most) {
            throw new IllegalArgumentException(name + " must be a finite number from " + least + " to " + most + ", got " + value);
        }
    }

    public static GateConfig defaults() {
        return new GateConfig(DEFAULT_MIN_GAIN, DEFAULT_MAX_LABEL_DROP, DEFAULT_MAX_CHURN, DEFAULT_MIN_HELD_OUT, false);
    }
}
