package io.complexitynet.labeler.application;

import java.util.List;
import java.util.Optional;

/** One page of labels, and the token that asks for the next one when there may be more. */
public record LabelPage(List<LabelView> labels, Optional<String> nextPageToken) {
}
