package io.complexitynet.model.training;

/**
 * RouteLLM's figures for routing between a weak and a strong ladder model by the weak model's predicted
 * pass probability: APGR (area under the performance-gap-recovered curve, 0.5 for a random router) and
 * CPT(50%), CPT(80%) (the share of strong-model calls needed to recover that much of the gap).
 */
public record GapMetrics(String weak, String strong, double apgr, double cpt50, double cpt80) {
}
