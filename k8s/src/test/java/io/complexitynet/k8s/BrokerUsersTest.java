package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker: each service logs in as its own user, whose permissions cover exactly the exchanges and queues its
 * application.properties uses ({@link BrokerNeeds}), so a compromised service reaches no other's queue through it.
 */
class BrokerUsersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void eachServiceReadsBrokerCredentialsFromASecretNoOtherPodReads(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        Map<Services, BrokerGrant> grants = BrokerGrant.of(manifests);
        for (Services service : Services.values()) {
            String secret = "Secret " + grants.get(service).secret();
            List<String> readers = new ArrayList<>();
            for (Manifest manifest : manifests.manifests()) {
                Workloads.template(manifest.resource())
                        .filter(template -> PodReferences.of(template.getSpec()).contains(secret))
                        .ifPresent(template -> readers.add(manifest.resource().getMetadata().getName()));
            }
            assertEquals(List.of(service.name), readers, kustomization + ": pods reading " + service.name + "'s " + secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void noTwoServicesShareABrokerUser(String kustomization) {
        Map<Services, BrokerGrant> grants = BrokerGrant.of(ManifestSet.rendered(kustomization));
        Set<String> users = new TreeSet<>();
        grants.values().forEach(grant -> users.add(grant.user()));
        assertEquals(Services.values().length, users.size(), kustomization + ": broker users " + grants);
    }

    /**
     * For every exchange or queue any service's properties name: a service's user holds a permission on it exactly
     * when its own channels need that permission there.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void eachUsersPermissionsCoverExactlyTheNamesItsServiceUses(String kustomization) {
        Map<Services, BrokerGrant> grants = BrokerGrant.of(ManifestSet.rendered(kustomization));
        Set<String> everyName = new TreeSet<>();
        for (Services service : Services.values()) {
            everyName.addAll(BrokerNeeds.of(service).all());
        }
        List<String> wrong = new ArrayList<>();
        for (Services service : Services.values()) {
            BrokerNeeds needs = BrokerNeeds.of(service);
            for (BrokerNeeds.Permission permission : BrokerNeeds.Permission.values()) {
                for (String name : everyName) {
                    boolean needed = needs.get(permission).contains(name);
                    if (grants.get(service).allows(permission, name) != needed) {
                        wrong.add(service.name + (needed ? " lacks " : " is granted ") + permission + " on " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, kustomization + ":\n" + String.join("\n", wrong));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theRouterCanNeitherFeedTheLabelerResultsNorStartTraining(String kustomization) {
        BrokerGrant router = BrokerGrant.of(ManifestSet.rendered(kustomization)).get(Services.ROUTER);
        for (String name : List.of("verification-results", "complexitynet.verification-results",
                "training-requests", "complexitynet.training-requests")) {
            for (BrokerNeeds.Permission permission : BrokerNeeds.Permission.values()) {
                assertFalse(router.allows(permission, name), kustomization + ": the router holds " + permission + " on " + name);
            }
        }
    }
}
