package vn.nhan.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The output layer of the neural model as plain floats: {@code logit[l] = bias[l] + sum_k bag[k] *
 * weights[k * labels + l]}, then a sigmoid. Training fits it with DL4J ({@link EmbeddingBagTrainer});
 * scoring and the bundle need only these numbers.
 */
public record NeuralHead(int inputs, int labels, float[] weights, float[] bias) {
    private static final int MAGIC = 0x4E484844; // "NHHD"

    public NeuralHead {
        if (inputs < 1 || labels < 1) {
            throw new IllegalArgumentException("the neural head must have inputs and labels, got " + inputs + " x " + labels);
        }
        if (weights.length != inputs * labels || bias.length != labels) {
            throw new IllegalArgumentException("the neural head " + inputs + " x " + labels + " needs " + inputs * labels + " weights and "
                    + labels + " biases, got " + weights.length + " and " + bias.length);
        }
    }

    /** The head from DL4J's flat parameter vector: the {@code inputs x labels} weights in column-major order, then the biases. */
    public static NeuralHead fromColumnMajor(int inputs, int labels, float[] params) {
        if (params.length != inputs * labels + labels) {
            throw new IllegalArgumentException("a neural head of " + inputs + " inputs and " + labels + " labels has "
                    + (inputs * labels + labels) + " parameters, got " + params.length);
        }
        float[] weights = new float[inputs * labels];
        for (int l = 0; l < labels; l++) {
            for (int k = 0; k < inputs; k++) {
                weights[k * labels + l] = params[l * inputs + k];
            }
        }
        float[] bias = java.util.Arrays.copyOfRange(params, inputs * labels, params.length);
        return new NeuralHead(inputs, labels, weights, bias);
    }

    public float weight(int input, int label) {
        return weights[input * labels + label];
    }

    /** Size in bytes of the file {@link #write} makes for a head of this shape. */
    public static long fileBytes(long inputs, long labels) {
        return 12 + 4 * labels + 4 * inputs * labels;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(inputs);
        out.writeInt(labels);
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
    }

    /** Reads a head written by {@link #write} from a file of {@code bytes} bytes, checking the shape against the size first. */
    public static NeuralHead read(DataInputStream in, long bytes) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a neural head file");
        }
        int inputs = in.readInt();
        int labels = in.readInt();
        if (inputs < 1 || labels < 1 || fileBytes(inputs, labels) != bytes) {
            throw new IOException("neural head shape " + inputs + " x " + labels + " does not match the file size of " + bytes + " bytes");
        }
        float[] bias = new float[labels];
        for (int l = 0; l < labels; l++) {
            bias[l] = in.readFloat();
        }
        float[] weights = new float[inputs * labels];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new NeuralHead(inputs, labels, weights, bias);
    }
}
