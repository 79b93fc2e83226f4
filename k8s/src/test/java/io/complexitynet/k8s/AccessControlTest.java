package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ParamRef;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicySpec;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /**
     * What the sandbox admission policy demands of every pod, each as a fragment one of its CEL expressions must hold
     * (whitespace aside): the shape SandboxPodSpec gives its pods (SandboxPodSpecTest). A textual check: nothing here
     * evaluates CEL, so the policy's behaviour is only seen on a cluster (k8s/README.md shows how).
     */
    private static final Map<String, String> SANDBOX_ADMISSION = Map.ofEntries(
            Map.entry("the image parameter is a digest", "params.data.image.matches('^[^@]+@sha256:[0-9a-f]{64}$')"),
            Map.entry("every container runs the pinned image", "object.spec.containers.all(c, c.image == params.data.image)"),
            Map.entry("no init containers", "(!has(object.spec.initContainers) || size(object.spec.initContainers) == 0)"),
            Map.entry("no ephemeral containers",
                    "(!has(object.spec.ephemeralContainers) || size(object.spec.ephemeralContainers) == 0)"),
            Map.entry("the pod runs as non-root",
                    "has(object.spec.securityContext.runAsNonRoot) && object.spec.securityContext.runAsNonRoot"),
            Map.entry("the pod's seccomp profile", "object.spec.securityContext.seccompProfile.type == 'RuntimeDefault'"),
            Map.entry("no privilege escalation",
                    "has(c.securityContext.allowPrivilegeEscalation) && !c.securityContext.allowPrivilegeEscalation"),
            Map.entry("not privileged", "(!has(c.securityContext.privileged) || !c.securityContext.privileged)"),
            Map.entry("every capability dropped", "'ALL' in c.securityContext.capabilities.drop"),
            Map.entry("no capability added",
                    "(!has(c.securityContext.capabilities.add) || size(c.securityContext.capabilities.add) == 0)"),
            Map.entry("a read-only root",
                    "has(c.securityContext.readOnlyRootFilesystem) && c.securityContext.readOnlyRootFilesystem"),
            Map.entry("no service account token",
                    "has(object.spec.automountServiceAccountToken) && !object.spec.automountServiceAccountToken"),
            Map.entry("no host network", "(!has(object.spec.hostNetwork) || !object.spec.hostNetwork)"),
            Map.entry("no host PIDs", "(!has(object.spec.hostPID) || !object.spec.hostPID)"),
            Map.entry("no host IPC", "(!has(object.spec.hostIPC) || !object.spec.hostIPC)"),
            Map.entry("a PID namespace per container",
                    "(!has(object.spec.shareProcessNamespace) || !object.spec.shareProcessNamespace)"),
            Map.entry("no host ports", "c.ports.all(p, !has(p.hostPort) || p.hostPort == 0)"),
            Map.entry("only emptyDir and ConfigMap volumes", "object.spec.volumes.all(v, has(v.emptyDir) || has(v.configMap))"));

    private static final Pattern DIGEST_ONLY = Pattern.compile("sha256:[0-9a-f]{64}");

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theSandboxNamespaceAdmitsOnlyPinnedRestrictedPods(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        ValidatingAdmissionPolicyBinding binding = sandboxBinding(manifests);
        ValidatingAdmissionPolicy policy = manifests.get(ValidatingAdmissionPolicy.class, null, binding.getSpec().getPolicyName());
        ValidatingAdmissionPolicySpec spec = policy.getSpec();
        assertEquals("Fail", spec.getFailurePolicy(), "a policy that cannot be evaluated must refuse the pod");
        assertEquals(List.of("Deny"), binding.getSpec().getValidationActions());
        assertEquals("Deny", binding.getSpec().getParamRef().getParameterNotFoundAction(), "a missing image parameter must refuse");
        assertEquals(List.of("v1", "ConfigMap"), List.of(spec.getParamKind().getApiVersion(), spec.getParamKind().getKind()));
        Set<String> matched = new TreeSet<>();
        for (NamedRuleWithOperations rule : spec.getMatchConstraints().getResourceRules()) {
            if (rule.getApiGroups().contains("") && rule.getOperations().containsAll(List.of("CREATE", "UPDATE"))) {
                matched.addAll(rule.getResources());
            }
        }
        assertTrue(matched.containsAll(List.of("pods", "pods/ephemeralcontainers")),
                kustomization + ": the policy checks pod creation, update and ephemeral containers, not only " + matched);
        String expressions = spec.getValidations().stream()
                .map(validation -> validation.getExpression().replaceAll("\\s+", " ")).collect(Collectors.joining("\n"));
        Set<String> missing = new TreeSet<>();
        SANDBOX_ADMISSION.forEach((rule, fragment) -> {
            if (!expressions.contains(fragment)) {
                missing.add(rule + ": " + fragment);
            }
        });
        assertEquals(Set.of(), missing, kustomization + ": rules the sandbox admission policy lacks");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theSandboxPolicysImageIsTheOneTheVerifierStartsPodsWithByDigest(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        ParamRef parameter = sandboxBinding(manifests).getSpec().getParamRef();
        assertEquals(Services.NAMESPACE, parameter.getNamespace(),
                "the image parameter must live where the verifier has no rights (it may write ConfigMaps in the sandbox namespace)");
        ConfigMap image = manifests.get(ConfigMap.class, parameter.getNamespace(), parameter.getName());
        assertEquals("configmap:" + parameter.getName() + "/image",
                ServiceEnvironment.of(manifests, Services.VERIFIER).get("VERIFIER_KUBERNETES_IMAGE"),
                kustomization + ": the verifier's sandbox image is not the policy's parameter");
        ImageReference reference = ImageReference.parse(image.getData().get("image"));
        assertTrue(reference.tag() == null && reference.digest() != null && DIGEST_ONLY.matcher(reference.digest()).matches(),
                kustomization + ": the sandbox image " + image.getData().get("image") + " is not name@sha256:<64 hex digits>");
    }

    private static ValidatingAdmissionPolicyBinding sandboxBinding(ManifestSet manifests) {
        List<ValidatingAdmissionPolicyBinding> bindings = manifests.all(ValidatingAdmissionPolicyBinding.class).stream()
                .filter(binding -> Services.SANDBOX_NAMESPACE.equals(binding.getSpec().getMatchResources().getNamespaceSelector()
                        .getMatchLabels().get("kubernetes.io/metadata.name")))
                .toList();
        assertEquals(1, bindings.size(), manifests.source() + ": admission policy bindings for the sandbox namespace");
        return bindings.get(0);
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
