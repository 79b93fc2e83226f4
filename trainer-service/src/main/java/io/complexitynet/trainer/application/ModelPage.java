package io.complexitynet.trainer.application;

import java.util.List;
import java.util.Optional;

/** One page of stored models, newest version first, and the token of the next page when there is one. */
public record ModelPage(List<ModelView> models, Optional<String> nextPageToken) {
}
