package io.complexitynet.labeler.application;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.List;
import java.util.OptionalInt;

/** One task's label as the API shows it: the task, its complexity (none when no model solved it) and the pass counts behind it. */
public record LabelView(String jobId, String dataset, long taskId, String taskSourceId, String prompt, String ruleVersion,
                        OptionalInt complexity, List<ModelPasses> passes) {
}
