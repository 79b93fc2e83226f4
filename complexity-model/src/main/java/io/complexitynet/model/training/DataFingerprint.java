package io.complexitynet.model.training;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.model.domain.LabelledTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the rows a model learnt from, in source id order: each row's source id, prompt,
 * complexity ("unsolved" for none) and pass counts. Same fingerprint, same training data.
 */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    public static String of(List<LabelledTask> rows) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        rows.stream().sorted(Comparator.comparing(LabelledTask::sourceId)).forEach(row -> {
            StringBuilder line = new StringBuilder()
                    .append(row.sourceId()).append('\u0000')
                    .append(row.prompt()).append('\u0000')
                    .append(row.solved() ? row.complexity().toString() : "unsolved");
            for (ModelPasses passes : row.passes()) {
                line.append('\u0000').append(passes.model()).append(':').append(passes.passes()).append('/').append(passes.tries());
            }
            sha256.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(sha256.digest());
    }
}
