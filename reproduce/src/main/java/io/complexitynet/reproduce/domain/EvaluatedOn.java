package io.complexitynet.reproduce.domain;

import io.complexitynet.core.labelling.CheapestPassingRule;
import io.complexitynet.core.labelling.CheapestReliablyPassingRule;
import io.complexitynet.core.task.TaskFormat;

/**
 * What an evaluation ran on, as its report names it: the data set (its display name and format), the split, the samples
 * per model and the labelling rule's version as the labeler stored it.
 */
public record EvaluatedOn(String dataset, TaskFormat format, String split, int samplesPerModel, String ruleVersion) {

    /** The ladder index of the cheapest model a complexity says passed: the rule's own mapping. */
    public int modelOf(int complexity, int ladderSize) {
        // The cheapest-* rules: the complexity is the index; paper5: model i gives 2i+1 (reliably) or 2i+2 (sometimes).
        boolean isIndex = ruleVersion.startsWith(CheapestPassingRule.ID + "/")
                || ruleVersion.startsWith(CheapestReliablyPassingRule.ID + "/");
        int model = isIndex ? complexity : (complexity - 1) / 2;
        return Math.max(0, Math.min(model, ladderSize - 1));
    }
}
