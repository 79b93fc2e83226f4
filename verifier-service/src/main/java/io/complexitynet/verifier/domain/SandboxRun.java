package io.complexitynet.verifier.domain;

import java.util.List;

/** What a sandbox is given for one candidate: code, setup, the probes of its tests, its limits. */
public record SandboxRun(String candidateId, String code, String setupCode, List<Probe> probes, Limits limits) {
    public SandboxRun {
        probes = List.copyOf(probes);
    }
}
