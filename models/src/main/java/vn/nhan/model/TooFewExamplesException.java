package vn.nhan.model;

/** A label of the taxonomy with fewer training examples than cross-validation needs; the command line adds what to pass. */
public final class TooFewExamplesException extends IllegalArgumentException {
    private final String label;
    private final int examples;
    private final int needed;

    public TooFewExamplesException(String label, int examples, int needed) {
        super("label '" + label + "' has " + examples + " example(s) in the training corpus; at least " + needed
                + " are needed (add examples or remove the label from the taxonomy)");
        this.label = label;
        this.examples = examples;
        this.needed = needed;
    }

    public String label() {
        return label;
    }

    public int examples() {
        return examples;
    }

    public int needed() {
        return needed;
    }
}
