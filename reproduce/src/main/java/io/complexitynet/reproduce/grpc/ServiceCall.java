package io.complexitynet.reproduce.grpc;

import io.complexitynet.reproduce.domain.ReproductionFailed;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/**
 * One service of the deployment as the reproduction calls it: its name and address, used to turn any
 * failed call into one sentence naming the service, the call and what went wrong.
 */
public record ServiceCall(String service, String target, String option) {

    /** Runs a blocking call; a failure becomes a {@link ReproductionFailed} with one clear line. */
    public <T> T call(String rpc, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw failure(rpc, e);
        }
    }

    public ReproductionFailed failure(String rpc, StatusRuntimeException e) {
        Status status = e.getStatus();
        if (unreachable(e)) {
            return new ReproductionFailed("cannot reach the " + service + " at " + target + " (" + rootMessage(e)
                    + "): start it, or point " + option + " at it", e);
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new ReproductionFailed("the " + service + " at " + target + " did not answer " + rpc + " in time", e);
        }
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return new ReproductionFailed(service + " " + rpc + " failed with " + status.getCode() + description, e);
    }

    /** Whether the call never reached the service (the client's transport failed), as opposed to a refusal it sent. */
    public static boolean unreachable(StatusRuntimeException e) {
        return e.getStatus().getCode() == Status.Code.UNAVAILABLE && e.getStatus().getCause() != null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
