package io.complexitynet.model.training;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** What k-fold cross-validation measured: each fold's figures, and each figure's mean and spread over the folds. */
public record CrossValidationReport(List<FoldFigures> folds) {

    public CrossValidationReport {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a cross-validation report needs at least one fold");
        }
        folds = List.copyOf(folds);
    }

    public Spread accuracy() {
        return over(FoldFigures::accuracy);
    }

    public Spread macroF1() {
        return over(FoldFigures::macroF1);
    }

    public Spread majorityAccuracy() {
        return over(FoldFigures::majorityAccuracy);
    }

    public Spread tfidfAccuracy() {
        return over(FoldFigures::tfidfAccuracy);
    }

    public Spread passRate() {
        return over(FoldFigures::passRate);
    }

    public Spread costCutVsLargest() {
        return over(FoldFigures::costCutVsLargest);
    }

    private Spread over(ToDoubleFunction<FoldFigures> figure) {
        return Spread.of(folds.stream().mapToDouble(figure).toArray());
    }
}
