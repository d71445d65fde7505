package vn.nhan.model;

/** An n-gram of the article and how much it raised a label's score (logit scale). */
public record TermWeight(String ngram, float weight) {
}
