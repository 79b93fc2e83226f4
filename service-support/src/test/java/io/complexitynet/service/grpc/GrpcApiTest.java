package io.complexitynet.service.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.core.refusal.RequestRefused;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrpcApiTest {

    private static final GrpcApi VERIFIER = new GrpcApi("complexitynet.v1.Verifier", "verifier-caller", "verifier");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"INVALID_ARGUMENT, INVALID_ARGUMENT", "NOT_FOUND, NOT_FOUND", "ALREADY_EXISTS, ALREADY_EXISTS",
            "WRONG_STATE, FAILED_PRECONDITION", "EXHAUSTED, RESOURCE_EXHAUSTED", "PERMISSION_DENIED, PERMISSION_DENIED",
            "UNAVAILABLE, UNAVAILABLE"})
    void eachKindOfRefusalIsItsStatusWithTheRefusalsSentence(RequestRefused.Kind kind, Status.Code code) {
        StatusRuntimeException status = VERIFIER.status(new RequestRefused(kind, "what to change"));
        assertEquals(code, status.getStatus().getCode());
        assertEquals("what to change", status.getStatus().getDescription());
    }

    @Test
    void aBadFieldIsNamedInTheDescription() {
        assertEquals("candidates: the batch is empty",
                VERIFIER.status(RequestRefused.invalidArgument("candidates", "the batch is empty")).getStatus().getDescription());
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertEquals(Status.Code.UNAUTHENTICATED, VERIFIER.status(new UnauthorizedException()).getStatus().getCode());
    }

    @Test
    void aTokenWithoutTheRoleIsPermissionDeniedNamingIt() {
        Status status = VERIFIER.status(new ForbiddenException()).getStatus();
        assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
        assertEquals("the complexitynet.v1.Verifier API needs the role verifier-caller, which this token does not carry",
                status.getDescription());
    }

    @Test
    void anythingElseIsInternalSayingWhatFailedWithoutATrace() {
        Status status = VERIFIER.status(new IllegalStateException("secret detail"), "judging batch batch-7").getStatus();
        assertEquals(Status.Code.INTERNAL, status.getCode());
        assertEquals("internal error judging batch batch-7; see the verifier's logs", status.getDescription());
    }

    @Test
    void aDatabaseOutageIsUnavailableToRetryNotInternal() {
        Status status = VERIFIER.status(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01")))
                .getStatus();
        assertEquals(Status.Code.UNAVAILABLE, status.getCode());
        assertEquals("the verifier cannot reach its database or a service it depends on; retry later", status.getDescription());
    }

    @Test
    void anAnswerIsTheWorksResultOrItsFailuresStatus() {
        assertEquals("done", VERIFIER.answer(() -> "done").await().indefinitely());
        Uni<String> refused = VERIFIER.answer(() -> {
            throw RequestRefused.notFound("no labelling job 7");
        });
        StatusRuntimeException failure = refused.onItem().transform(v -> (StatusRuntimeException) null)
                .onFailure().recoverWithItem(e -> (StatusRuntimeException) e).await().indefinitely();
        assertEquals(Status.Code.NOT_FOUND, failure.getStatus().getCode());
    }
}
