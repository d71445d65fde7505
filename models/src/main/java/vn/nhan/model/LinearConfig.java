package vn.nhan.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * Settings of the Smile binary-relevance logistic regression. Two Smile solvers: L-BFGS on the
 * L2-penalised likelihood ({@code lambda}, {@code tolerance}, {@code maxIterations}), exact and best
 * for small corpora; and Smile's online SGD updates ({@code sgdLearningRate}, linear decay, about
 * {@code sgdUpdates} updates spread over whole epochs), which reaches the same accuracy on large
 * corpora in a fraction of the time. {@code AUTO} picks L-BFGS up to {@code autoMaxNonZeros}
 * non-zero features in the training set, SGD above.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LinearConfig(double lambda, double tolerance, int maxIterations, Solver solver, double sgdLearningRate,
                           int sgdUpdates, long autoMaxNonZeros) {
    /** How the per-label models are fitted. */
    public enum Solver {
        AUTO, LBFGS, SGD;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Solver parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("linear solver '" + text + "' is not one of auto, lbfgs, sgd");
            }
        }
    }

    public LinearConfig {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (solver == null) {
            throw new IllegalArgumentException("solver must be one of auto, lbfgs, sgd");
        }
        if (!(sgdLearningRate > 0) || sgdUpdates < 1 || autoMaxNonZeros < 0) {
            throw new IllegalArgumentException("SGD settings must be positive, got learning rate " + sgdLearningRate + ", updates " + sgdUpdates
                    + ", auto limit " + autoMaxNonZeros);
        }
    }

    public LinearConfig(double lambda, double tolerance, int maxIterations) {
        this(lambda, tolerance, maxIterations, Solver.AUTO, 4.0, 200_000, 1_500_000L);
    }

    public static LinearConfig defaults() {
        return new LinearConfig(0.1, 1e-4, 200);
    }

    public LinearConfig withLambda(double l) {
        return new LinearConfig(l, tolerance, maxIterations, solver, sgdLearningRate, sgdUpdates, autoMaxNonZeros);
    }

    public LinearConfig withMaxIterations(int n) {
        return new LinearConfig(lambda, tolerance, n, solver, sgdLearningRate, sgdUpdates, autoMaxNonZeros);
    }

    public LinearConfig withSolver(Solver s) {
        return new LinearConfig(lambda, tolerance, maxIterations, s, sgdLearningRate, sgdUpdates, autoMaxNonZeros);
    }

    public LinearConfig withSgd(double learningRate, int updates) {
        return new LinearConfig(lambda, tolerance, maxIterations, solver, learningRate, updates, autoMaxNonZeros);
    }

    /** The solver for a training set of {@code rows} rows holding {@code nonZeros} features in all. */
    public Solver solverFor(int rows, long nonZeros) {
        if (solver != Solver.AUTO) {
            return solver;
        }
        return nonZeros <= autoMaxNonZeros ? Solver.LBFGS : Solver.SGD;
    }

    /** Most SGD epochs: smaller training sets (the cross-validation folds) get fewer than {@code sgdUpdates} updates. */
    static final int MAX_SGD_EPOCHS = 10;

    /** Whole SGD epochs giving about {@code sgdUpdates} updates, between 3 and {@link #MAX_SGD_EPOCHS}. */
    public int sgdEpochs(int rows) {
        return (int) Math.max(3, Math.min(MAX_SGD_EPOCHS, Math.ceil((double) sgdUpdates / Math.max(1, rows))));
    }
}
