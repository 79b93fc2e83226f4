package io.complexitynet.labeler.domain;

/**
 * What one candidate of a labelling batch runs: a sample's answer against its task's tests, named by the sample's id,
 * or the same answer's test-free run (its probe), named by the id with {@code :probe}. The two names cannot collide, so
 * a probe's result is never recorded as a sample's verdict.
 */
public record SampleCandidate(long sampleId, boolean probe) {

    private static final String PROBE_SUFFIX = ":probe";

    /** The sample's answer against its task's tests: what its verdict comes from. */
    public static SampleCandidate testsOf(long sampleId) {
        return new SampleCandidate(sampleId, false);
    }

    /** The sample's answer run on its task's example calls, without tests. */
    public static SampleCandidate probeOf(long sampleId) {
        return new SampleCandidate(sampleId, true);
    }

    /** The candidate id the verifier echoes in its result. */
    public String candidateId() {
        return probe ? sampleId + PROBE_SUFFIX : Long.toString(sampleId);
    }

    /** The candidate a result's id names; IllegalArgumentException for an id this labeler did not make. */
    public static SampleCandidate parse(String candidateId) {
        boolean probe = candidateId.endsWith(PROBE_SUFFIX);
        String sampleId = probe ? candidateId.substring(0, candidateId.length() - PROBE_SUFFIX.length()) : candidateId;
        try {
            return new SampleCandidate(Long.parseLong(sampleId), probe);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate id '" + candidateId + "' is not <sample id> or <sample id>" + PROBE_SUFFIX, e);
        }
    }
}
