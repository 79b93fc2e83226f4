package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Who may call the Kubernetes API, and which pods the API server lets in. */
class AccessControlTest {

    static final List<String> DEPLOYABLE = ManifestTree.DEPLOYABLE;

    /** KubernetesPodSandbox's calls, resource by resource; nothing else in the verifier uses the API. */
    private static final Map<String, Set<String>> SANDBOX_CALLS = Map.of(
            "pods", Set.of("create", "get", "delete"),
            "pods/log", Set.of("get"),
            "configmaps", Set.of("create", "get", "patch", "delete"));

    private static final Map<String, String> RESTRICTED = Map.of(
            "pod-security.kubernetes.io/enforce", "restricted",
            "pod-security.kubernetes.io/audit", "restricted",
            "pod-security.kubernetes.io/warn", "restricted");

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void noRuleUsesAWildcardAndNothingIsGrantedClusterWide(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        assertEquals(List.of(), manifests.all(ClusterRole.class), kustomization + " grants cluster-wide roles");
        assertEquals(List.of(), manifests.all(ClusterRoleBinding.class), kustomization + " binds cluster-wide roles");
        for (Role role : manifests.all(Role.class)) {
            for (PolicyRule rule : role.getRules()) {
                String id = kustomization + ": Role " + role.getMetadata().getNamespace() + "/" + role.getMetadata().getName();
                assertFalse(rule.getVerbs().contains("*"), id + " allows every verb: " + rule);
                assertFalse(rule.getResources().stream().anyMatch(resource -> resource.contains("*")), id + " covers every resource: " + rule);
                assertFalse(rule.getApiGroups().contains("*"), id + " covers every API group: " + rule);
                assertTrue(rule.getNonResourceURLs().isEmpty(), id + " grants non-resource URLs: " + rule);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theVerifierMayOnlyRunSandboxPodsInTheSandboxNamespace(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        List<Role> roles = manifests.all(Role.class);
        assertEquals(1, roles.size(), kustomization + " has Roles " + roles.stream().map(r -> r.getMetadata().getName()).toList());
        Role role = roles.get(0);
        assertEquals(Services.SANDBOX_NAMESPACE, role.getMetadata().getNamespace(), "the verifier's Role lives outside the sandbox namespace");
        Map<String, Set<String>> granted = new TreeMap<>();
        for (PolicyRule rule : role.getRules()) {
            assertEquals(List.of(""), rule.getApiGroups(), "Role " + role.getMetadata().getName() + " reaches beyond the core API group: " + rule);
            assertTrue(rule.getResourceNames().isEmpty(), "sandbox pods have fresh names; resourceNames cannot apply: " + rule);
            rule.getResources().forEach(resource -> granted.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(rule.getVerbs()));
        }
        Map<String, Set<String>> calls = new TreeMap<>();
        SANDBOX_CALLS.forEach((resource, verbs) -> calls.put(resource, new TreeSet<>(verbs)));
        assertEquals(calls, granted, "the verifier's Role differs from the calls KubernetesPodSandbox makes");

        List<RoleBinding> bindings = manifests.all(RoleBinding.class);
        assertEquals(1, bindings.size(), kustomization + " has RoleBindings " + bindings.stream().map(b -> b.getMetadata().getName()).toList());
        RoleBinding binding = bindings.get(0);
        assertEquals(Services.SANDBOX_NAMESPACE, binding.getMetadata().getNamespace());
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        Subject subject = binding.getSubjects().get(0);
        assertEquals(1, binding.getSubjects().size(), "the sandbox Role is bound to more than the verifier: " + binding.getSubjects());
        assertEquals(List.of("ServiceAccount", Services.VERIFIER.name, Services.NAMESPACE),
                List.of(subject.getKind(), subject.getName(), subject.getNamespace()));
        assertEquals(Services.VERIFIER.name, manifests.get(Deployment.class, Services.NAMESPACE, Services.VERIFIER.name)
                .getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void onlyTheVerifierGetsAnApiToken(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Manifest manifest : manifests.manifests()) {
            Workloads.template(manifest.resource()).ifPresent(template -> {
                boolean verifier = manifest.resource().getMetadata().getName().equals(Services.VERIFIER.name);
                assertEquals(verifier, template.getSpec().getAutomountServiceAccountToken(),
                        manifest + ": automountServiceAccountToken must be " + verifier);
            });
        }
        ServiceAccount sandboxDefault = manifests.get(ServiceAccount.class, Services.SANDBOX_NAMESPACE, "default");
        assertEquals(Boolean.FALSE, sandboxDefault.getAutomountServiceAccountToken(), "sandbox pods' ServiceAccount hands out tokens");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void bothNamespacesEnforceTheRestrictedPodSecurityStandard(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (String name : List.of(Services.NAMESPACE, Services.SANDBOX_NAMESPACE)) {
            Map<String, String> labels = manifests.get(Namespace.class, null, name).getMetadata().getLabels();
            assertTrue(labels.entrySet().containsAll(RESTRICTED.entrySet()),
                    kustomization + ": namespace " + name + " does not enforce, audit and warn on restricted: " + labels);
        }
    }
}
