package io.complexitynet.trainer.application;

import io.complexitynet.trainer.domain.HeadlineMetrics;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A stored model as the API shows it: where it came from (its first label source, and every source's labelling job and
 * data set in {@code labelingJobIds} and {@code datasets}), whether it is the promoted one now and when it was
 * last promoted, its metrics and report, and the serialised model when asked for.
 */
public record ModelView(String id, long version, String labelingJobId, String dataset, String dataFingerprint, String parametersJson,
                        List<String> ladder, String createdBy, OffsetDateTime createdAt, boolean promoted,
                        Optional<OffsetDateTime> promotedAt, HeadlineMetrics metrics, String report, Optional<byte[]> artifact,
                        List<String> labelingJobIds, List<String> datasets) {
}
