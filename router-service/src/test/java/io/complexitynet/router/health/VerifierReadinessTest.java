package io.complexitynet.router.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.testing.VerifierResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's readiness follows the packaged verifier, run as its own process, through a kill and a restart. */
@QuarkusTest
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
class VerifierReadinessTest {

    @Test
    void readinessIsDownWhileTheVerifierIsAwayAndUpOnceItIsBack() throws Exception {
        awaitVerifierCheck("UP");

        VerifierResource.verifier().kill();
        try {
            Map<String, Object> down = awaitVerifierCheck("DOWN");
            assertTrue(String.valueOf(down.get("data")).contains("cannot be reached"), down::toString);
            assertEquals(503, given().get("/q/health/ready").statusCode(), "readiness as a whole");
        } finally {
            VerifierResource.verifier().start();
        }

        awaitVerifierCheck("UP");
    }

    @Test
    void readinessWatchesTheDatabaseToo() {
        Map<String, Object> database = check("Database connections health check");
        assertEquals("UP", database.get("status"), database::toString);
    }

    private static Map<String, Object> awaitVerifierCheck(String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Object> verifier = check("verifier");
            if (status.equals(verifier.get("status"))) {
                return verifier;
            }
            assertTrue(System.nanoTime() < deadline, "the verifier check is not " + status + " within 30 s: " + verifier);
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> check(String name) {
        JsonPath readiness = given().get("/q/health/ready").jsonPath();
        Map<String, Object> check = readiness.getMap("checks.find { it.name == '" + name + "' }");
        assertTrue(check != null, "no readiness check named " + name + ": " + readiness.prettify());
        return check;
    }
}
