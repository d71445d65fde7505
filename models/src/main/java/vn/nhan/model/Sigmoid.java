package vn.nhan.model;

/** The logistic function and its inverse, clipped to stay finite. */
public final class Sigmoid {
    private Sigmoid() {
    }

    public static float of(double z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }

    public static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }
}
