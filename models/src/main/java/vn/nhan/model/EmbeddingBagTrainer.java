package vn.nhan.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import vn.nhan.features.SparseVector;

/**
 * Trains an {@link EmbeddingBagModel}. Each mini-batch: bag the documents in Java, let DL4J compute
 * the head's gradients and the gradient with respect to its input (binary cross-entropy over the
 * sigmoid outputs), step the head through its Adam updater, and push the input gradient back
 * into the rows of the table the batch touched (sparse SGD with linear decay). Bags and table
 * updates run on all cores without changing the result. Early stopping keeps the epoch with the
 * lowest validation loss. Deterministic for a given seed.
 */
public final class EmbeddingBagTrainer {
    /**
     * The table update is split by row (id modulo this) across threads: each row still receives
     * its updates in document order, so the result does not depend on the number of threads.
     */
    private static final int PARTITIONS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final NeuralConfig config;
    private final long seed;
    private final int epochs;

    public EmbeddingBagTrainer(NeuralConfig config, long seed) {
        this(config, seed, config.maxEpochs());
    }

    /**
     * Runs at most {@code epochs} of the configuration's epochs (its learning-rate schedule spans
     * all {@code maxEpochs} all the same, so the first epochs are those of a full run).
     */
    public EmbeddingBagTrainer(NeuralConfig config, long seed, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.config = config;
        this.seed = seed;
        this.epochs = Math.min(epochs, config.maxEpochs());
    }

    /** A trained model and the epoch (1-based) whose validation loss was lowest, the one it keeps. */
    public record Fit(EmbeddingBagModel model, int bestEpoch) {
    }

    public EmbeddingBagModel fit(List<SparseVector> rows, boolean[][] gold, int vocabularySize, ProgressListener progress) {
        return fitWithBestEpoch(rows, gold, vocabularySize, progress).model();
    }

    /**
     * Trains with early stopping on the validation slice; with a validation fraction of 0 (or fewer
     * than 40 rows) every row trains and all the epochs run.
     */
    public Fit fitWithBestEpoch(List<SparseVector> rows, boolean[][] gold, int vocabularySize, ProgressListener progress) {
        int labels = gold[0].length;
        int dim = config.dimension();
        Random random = new Random(seed);
        int[] order = Shuffling.shuffled(rows.size(), random);
        int validation = rows.size() >= 40 ? (int) Math.round(rows.size() * config.validationFraction()) : 0;
        int[] train = Arrays.copyOfRange(order, validation, order.length);
        int[] valid = Arrays.copyOfRange(order, 0, validation);

        int tableRows = Math.min(vocabularySize, config.maxFeatures());
        float[] table = new float[tableRows * dim];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) ((random.nextDouble() * 2 - 1) / dim);
        }
        MultiLayerNetwork head = newHead(dim, labels, seed, config.headLearningRate());
        float[] bestTable = validation > 0 ? table.clone() : null;
        INDArray bestParams = head.params().dup();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        int batchSize = Math.max(4, Math.min(config.batchSize(), train.length / 25));
        long totalSteps = (long) config.maxEpochs() * ((train.length + batchSize - 1) / batchSize);
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffling.shuffle(train, random);
            double trainLoss = 0;
            for (int start = 0; start < train.length; start += batchSize) {
                int[] batch = Arrays.copyOfRange(train, start, Math.min(train.length, start + batchSize));
                double rate = config.tableLearningRate() * Math.max(0.05, 1.0 - (double) step / totalSteps);
                trainLoss += step(head, table, rows, gold, batch, rate, (int) step, epoch) * batch.length;
                step++;
            }
            trainLoss /= train.length;
            double validLoss = validation > 0 ? loss(head, table, rows, gold, valid) : trainLoss;
            progress.step("neural epoch", epoch + 1, epochs);
            progress.detail(String.format("neural epoch %d: train loss %.4f, validation loss %.4f", epoch + 1, trainLoss, validLoss));
            if (validation == 0) {
                bestEpoch = epoch + 1;
                continue;
            }
            if (validLoss < bestLoss - 1e-5) {
                bestLoss = validLoss;
                bestEpoch = epoch + 1;
                System.arraycopy(table, 0, bestTable, 0, table.length);
                bestParams.assign(head.params());
                sinceBest = 0;
            } else if (++sinceBest >= config.patience()) {
                break;
            }
        }
        if (validation == 0) {
            return new Fit(new EmbeddingBagModel(dim, table, headOf(head)), bestEpoch);
        }
        head.setParams(bestParams);
        return new Fit(new EmbeddingBagModel(dim, bestTable, headOf(head)), bestEpoch);
    }

    /** The trained DL4J network's weights and biases as a {@link NeuralHead}: all that scoring and the bundle keep of it. */
    static NeuralHead headOf(MultiLayerNetwork network) {
        if (network.getnLayers() != 1) {
            throw new IllegalArgumentException("the neural head must be a single output layer, got " + network.getnLayers() + " layers");
        }
        float[][] w = network.getLayer(0).getParam("W").castTo(DataType.FLOAT).toFloatMatrix(); // [inputs][labels]
        float[] bias = network.getLayer(0).getParam("b").castTo(DataType.FLOAT).dup().data().asFloat();
        int labels = bias.length;
        float[] weights = new float[w.length * labels];
        for (int k = 0; k < w.length; k++) {
            System.arraycopy(w[k], 0, weights, k * labels, labels);
        }
        return new NeuralHead(w.length, labels, weights, bias);
    }

    /** The head's network: one sigmoid output layer over the bag (scoring folds it into the table, see {@link EmbeddingBagModel}). */
    static MultiLayerNetwork newHead(int dim, int labels, long seed, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(dim).nOut(labels).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork head = new MultiLayerNetwork(conf);
        head.init();
        return head;
    }

    /** One mini-batch update; returns the batch's mean loss before the update. */
    private double step(MultiLayerNetwork head, float[] table, List<SparseVector> rows, boolean[][] gold, int[] batch,
                        double rate, int iteration, int epoch) {
        int dim = config.dimension();
        int tableRows = table.length / dim;
        INDArray features = bags(table, rows, batch);
        INDArray labels = labels(gold, batch);
        double loss = meanLoss(head.output(features, false), labels);
        Pair<Gradient, INDArray> gradients = head.calculateGradients(features, labels, null, null);
        Gradient gradient = gradients.getFirst();
        head.getUpdater().update(head, gradient, iteration, epoch, batch.length, LayerWorkspaceMgr.noWorkspaces());
        head.params().subi(gradient.gradient());
        float[] inputGradient = gradients.getSecond().castTo(DataType.FLOAT).dup('c').data().asFloat();
        IntStream.range(0, PARTITIONS).parallel().forEach(part -> {
            for (int b = 0; b < batch.length; b++) {
                SparseVector x = rows.get(batch[b]);
                for (int i = 0; i < x.size(); i++) {
                    if (x.ids()[i] >= tableRows || x.ids()[i] % PARTITIONS != part) {
                        continue;
                    }
                    float scale = (float) (rate * x.values()[i]);
                    int row = x.ids()[i] * dim;
                    for (int k = 0; k < dim; k++) {
                        table[row + k] -= scale * inputGradient[b * dim + k];
                    }
                }
            }
        });
        return loss;
    }

    private double loss(MultiLayerNetwork head, float[] table, List<SparseVector> rows, boolean[][] gold, int[] subset) {
        double total = 0;
        for (int start = 0; start < subset.length; start += 256) {
            int[] batch = Arrays.copyOfRange(subset, start, Math.min(subset.length, start + 256));
            total += meanLoss(head.output(bags(table, rows, batch), false), labels(gold, batch)) * batch.length;
        }
        return total / subset.length;
    }

    private static double meanLoss(INDArray predicted, INDArray labels) {
        float[] p = predicted.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] y = labels.dup('c').data().asFloat();
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            loss -= y[i] > 0.5 ? Math.log(q) : Math.log(1 - q);
        }
        return loss / predicted.size(0);
    }

    private INDArray bags(float[] table, List<SparseVector> rows, int[] batch) {
        int dim = config.dimension();
        float[] data = new float[batch.length * dim];
        IntStream.range(0, batch.length).parallel().forEach(b -> EmbeddingBagModel.bag(table, dim, rows.get(batch[b]), data, b * dim));
        return Nd4j.create(data, new long[] {batch.length, dim}, 'c');
    }

    private static INDArray labels(boolean[][] gold, int[] batch) {
        int labels = gold[0].length;
        float[] data = new float[batch.length * labels];
        for (int b = 0; b < batch.length; b++) {
            for (int l = 0; l < labels; l++) {
                data[b * labels + l] = gold[batch[b]][l] ? 1f : 0f;
            }
        }
        return Nd4j.create(data, new long[] {batch.length, labels}, 'c');
    }
}
