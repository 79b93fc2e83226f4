package io.complexitynet.model.domain;

import java.util.List;

/** The tasks of each part of an explicit split, by their ids in the data set; a task in none is excluded. */
public record SplitParts(List<String> train, List<String> validation, List<String> test) {

    public SplitParts {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
