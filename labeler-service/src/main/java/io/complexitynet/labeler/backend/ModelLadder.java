package io.complexitynet.labeler.backend;

import io.complexitynet.backends.ModelBackendConfig;
import io.complexitynet.core.backend.BackendLadder;
import io.complexitynet.core.backend.ModelBackend;
import io.complexitynet.core.backend.ModelSettings;
import io.complexitynet.database.labeling.ModelEntity;
import io.complexitynet.labeler.config.LabelerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The labeler's model ladder: its configuration as core's {@link BackendLadder}, which builds the
 * backends, and recorded in the label database at start so other services see it.
 */
@ApplicationScoped
public class ModelLadder {

    private final BackendLadder ladder;

    ModelLadder(LabelerConfig config) {
        this.ladder = BackendLadder.build("labeler.models", config.models().stream().map(ModelBackendConfig::settings).toList(),
                Optional.of(config.replay().file()));
    }

    /** Model names, cheapest first. */
    public List<String> names() {
        return ladder.names();
    }

    public ModelBackend backend(String model) {
        return ladder.backend(model);
    }

    public int maxTokens(String model) {
        return ladder.maxTokens(model);
    }

    /** Records the ladder in the label database, so other services see names, backends and costs. */
    @Transactional
    void recordLadder(@Observes StartupEvent event) {
        int order = 0;
        for (ModelSettings model : ladder.models()) {
            ModelEntity entity = ModelEntity.findById(model.name());
            boolean known = entity != null;
            if (!known) {
                entity = new ModelEntity();
                entity.name = model.name();
            }
            entity.backend = model.backend();
            entity.costUnitsPer1k = model.costUnitsPer1k();
            entity.ladderOrder = order++;
            if (!known) {
                entity.persist();
            }
        }
    }
}
