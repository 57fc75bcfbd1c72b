package org.backprop.playground.data;

/** What a data set asks the network to do, which fixes its output layer and loss. */
public enum ProblemKind {
    /** Two classes labelled -1 and +1 (TF Playground's classification, tanh output). */
    BINARY("classification"),
    /** K classes labelled 0..K-1, for a softmax output with cross-entropy. */
    MULTICLASS("classification"),
    /** A real-valued target (TF Playground's regression, linear output). */
    REGRESSION("regression");

    private final String urlProblem;

    ProblemKind(String urlProblem) {
        this.urlProblem = urlProblem;
    }

    /** The value of TF Playground's {@code problem} URL key for this kind. */
    public String urlProblem() {
        return urlProblem;
    }
}
