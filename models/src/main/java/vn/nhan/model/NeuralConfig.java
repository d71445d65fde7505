package vn.nhan.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Settings of the embedding-bag network: embedding width, learning rates of the table (sparse
 * SGD, linear decay) and of the DL4J head (Adam), mini-batch size, epochs with early stopping on a
 * validation split ({@code patience} epochs without improvement stop training). The table holds rows
 * for the {@code maxFeatures} most frequent features only (vocabulary ids are ordered by document
 * frequency); rarer features are left to the linear model.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NeuralConfig(int dimension, double tableLearningRate, double headLearningRate, int batchSize,
                           int maxEpochs, int patience, double validationFraction, int maxFeatures) {
    public NeuralConfig {
        if (dimension < 2 || dimension > 1024) {
            throw new IllegalArgumentException("dimension must be between 2 and 1024, got " + dimension);
        }
        if (!(tableLearningRate > 0) || !(headLearningRate > 0)) {
            throw new IllegalArgumentException("learning rates must be > 0, got " + tableLearningRate + " and " + headLearningRate);
        }
        if (batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("batchSize, maxEpochs and patience must be >= 1, got " + batchSize + ", " + maxEpochs + ", " + patience);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("maxFeatures must be >= 1, got " + maxFeatures);
        }
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 0.5), got " + validationFraction);
        }
    }

    public static NeuralConfig defaults() {
        return new NeuralConfig(32, 2.0, 0.02, 32, 30, 1, 0.1, 200_000);
    }

    /** The original seven-argument form; the table covers the 200,000 most frequent features. */
    public NeuralConfig(int dimension, double tableLearningRate, double headLearningRate, int batchSize,
                        int maxEpochs, int patience, double validationFraction) {
        this(dimension, tableLearningRate, headLearningRate, batchSize, maxEpochs, patience, validationFraction, 200_000);
    }

    public NeuralConfig withMaxEpochs(int epochs) {
        return new NeuralConfig(dimension, tableLearningRate, headLearningRate, batchSize, epochs, patience, validationFraction, maxFeatures);
    }

    public NeuralConfig withValidationFraction(double fraction) {
        return new NeuralConfig(dimension, tableLearningRate, headLearningRate, batchSize, maxEpochs, patience, fraction, maxFeatures);
    }

    public NeuralConfig withDimension(int d) {
        return new NeuralConfig(d, tableLearningRate, headLearningRate, batchSize, maxEpochs, patience, validationFraction, maxFeatures);
    }

    public NeuralConfig withTableLearningRate(double rate) {
        return new NeuralConfig(dimension, rate, headLearningRate, batchSize, maxEpochs, patience, validationFraction, maxFeatures);
    }

    public NeuralConfig withMaxFeatures(int features) {
        return new NeuralConfig(dimension, tableLearningRate, headLearningRate, batchSize, maxEpochs, patience, validationFraction, features);
    }
}
