package io.complexitynet.labeler.domain;

import io.complexitynet.core.labelling.LabellingRule;
import io.complexitynet.core.labelling.LabellingRules;
import io.complexitynet.core.refusal.RequestRefused;
import java.util.HashSet;
import java.util.List;

/**
 * What a labelling job was asked to do: the data set, the ladder (cheapest first), k samples per
 * model and task, the temperature, and the labelling rule.
 */
public record JobSpec(String dataset, List<String> models, int samplesPerModel, double temperature,
                      String ruleId, double reliablePassRate) {

    public static final String DEFAULT_RULE = "paper5";
    public static final double DEFAULT_RELIABLE = 0.8;

    public JobSpec {
        models = List.copyOf(models);
    }

    /**
     * Checks the request against the configured ladder (in ladder order) and the bound on k; fills
     * the defaults: every configured model, k = 1, the paper's rule.
     */
    public static JobSpec of(String dataset, List<String> models, int samplesPerModel, double temperature,
                             String ruleId, double reliablePassRate, List<String> ladder, int maxSamplesPerModel) {
        if (dataset.isBlank()) {
            throw RequestRefused.invalidArgument("dataset", "is empty; name an imported data set");
        }
        List<String> chosen = models.isEmpty() ? ladder : models;
        if (new HashSet<>(chosen).size() != chosen.size()) {
            throw RequestRefused.invalidArgument("models", "names a model twice: " + chosen);
        }
        int previous = -1;
        for (String model : chosen) {
            int position = ladder.indexOf(model);
            if (position < 0) {
                throw RequestRefused.invalidArgument("models", "unknown model '" + model + "'; configured: " + ladder);
            }
            if (position < previous) {
                throw RequestRefused.invalidArgument("models", "must be in ladder order (cheapest first): " + ladder);
            }
            previous = position;
        }
        int k = samplesPerModel == 0 ? 1 : samplesPerModel;
        if (k < 1 || k > maxSamplesPerModel) {
            throw RequestRefused.invalidArgument("samples_per_model", k + " is out of range [1, " + maxSamplesPerModel + "]");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw RequestRefused.invalidArgument("temperature", temperature + " is out of range [0, 2]");
        }
        String rule = ruleId.isBlank() ? DEFAULT_RULE : ruleId;
        if (!LabellingRules.IDS.contains(rule)) {
            throw RequestRefused.invalidArgument("rule", "unknown rule '" + rule + "'; known: " + LabellingRules.IDS);
        }
        double reliable = reliablePassRate == 0 ? DEFAULT_RELIABLE : reliablePassRate;
        JobSpec spec = new JobSpec(dataset, chosen, k, temperature, rule, reliable);
        try {
            spec.rule();
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("reliable_pass_rate", e.getMessage());
        }
        return spec;
    }

    public LabellingRule rule() {
        return LabellingRules.named(ruleId, models.size(), reliablePassRate);
    }
}
