package vn.nhan.model;

/**
 * Platt scaling: fits {@code p = sigmoid(a * logit(s) + b)} to held-out scores {@code s} of one
 * label by Newton's method on the log-loss, with Platt's smoothed targets so that a label with few
 * examples is not pushed to 0 or 1. Turns a model's scores into calibrated probabilities.
 */
public final class PlattScaler {
    private PlattScaler() {
    }

    /** Returns {a, b}. A label with no positives or no negatives keeps the identity map. */
    public static double[] fit(float[] scores, boolean[] gold) {
        int positives = 0;
        for (boolean g : gold) {
            positives += g ? 1 : 0;
        }
        int negatives = gold.length - positives;
        if (positives == 0 || negatives == 0) {
            return new double[] {1, 0};
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (negatives + 2.0);
        double[] x = new double[scores.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Sigmoid.logit(scores[i]);
        }
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 1e-3 * (a - 1);
            double gb = 0;
            double haa = 1e-3;
            double hab = 0;
            double hbb = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double p = Sigmoid.of(a * x[i] + b);
                double t = gold[i] ? high : low;
                double r = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // backtracking: a full Newton step can overshoot on extreme or well-separated scores
            double before = objective(a, b, x, gold, high, low);
            double step = 1;
            while (step > 1e-10 && objective(a - step * da, b - step * db, x, gold, high, low) > before) {
                step /= 2;
            }
            if (step <= 1e-10) {
                break;
            }
            a -= step * da;
            b -= step * db;
            if (Math.abs(step * da) < 1e-9 && Math.abs(step * db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** The penalised log-loss Newton's method minimises: cross-entropy to the smoothed targets, a kept near 1. */
    private static double objective(double a, double b, double[] x, boolean[] gold, double high, double low) {
        double loss = 0.5e-3 * (a - 1) * (a - 1);
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            double t = gold[i] ? high : low;
            // -(t log p + (1 - t) log(1 - p)) with p = sigmoid(z), written to stay finite for large |z|
            loss += Math.max(z, 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return loss;
    }

    public static float apply(double a, double b, float score) {
        return Sigmoid.of(a * Sigmoid.logit(score) + b);
    }
}
