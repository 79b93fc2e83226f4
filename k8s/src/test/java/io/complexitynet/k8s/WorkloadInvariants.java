package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every pod this project runs must satisfy: each container has CPU and memory requests and limits
 * (requests within limits), liveness and readiness probes (init containers excepted), and the
 * "restricted" Pod Security Standard plus a read-only root filesystem: non-root, no privilege escalation,
 * every capability dropped, a RuntimeDefault or Localhost seccomp profile, no host namespaces, ports
 * or paths, only the volume types the standard allows.
 */
final class WorkloadInvariants {

    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    private WorkloadInvariants() {
    }

    /** One sentence per broken rule, naming the manifest and the container; empty when all hold. */
    static List<String> violations(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Workloads.template(manifest.resource()).ifPresent(template -> {
            PodSpec pod = template.getSpec();
            podViolations(pod).forEach(problem -> problems.add(manifest + ": " + problem));
            for (Container container : pod.getInitContainers()) {
                containerViolations(pod, container, false)
                        .forEach(problem -> problems.add(manifest + ", init container " + container.getName() + ": " + problem));
            }
            for (Container container : pod.getContainers()) {
                containerViolations(pod, container, true)
                        .forEach(problem -> problems.add(manifest + ", container " + container.getName() + ": " + problem));
            }
        });
        return problems;
    }

    private static List<String> podViolations(PodSpec pod) {
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add("shares a host namespace (hostNetwork, hostPID or hostIPC)");
        }
        PodSecurityContext context = pod.getSecurityContext();
        if (context != null && Long.valueOf(0).equals(context.getRunAsUser())) {
            problems.add("pod securityContext.runAsUser is 0 (root)");
        }
        for (Volume volume : pod.getVolumes()) {
            // A volume's type is whichever field besides its name is set.
            Set<String> types = new HashSet<>(ManifestYaml.plain(volume).keySet());
            types.remove("name");
            if (types.isEmpty() || !RESTRICTED_VOLUME_TYPES.containsAll(types)) {
                problems.add("volume " + volume.getName() + " is of type " + types + ", not one the restricted standard allows");
            }
        }
        return problems;
    }

    private static List<String> containerViolations(PodSpec pod, Container container, boolean probed) {
        List<String> problems = new ArrayList<>(resourceViolations(container.getResources()));
        if (probed && container.getLivenessProbe() == null) {
            problems.add("no livenessProbe");
        }
        if (probed && container.getReadinessProbe() == null) {
            problems.add("no readinessProbe");
        }
        for (ContainerPort port : container.getPorts()) {
            if (port.getHostPort() != null && port.getHostPort() != 0) {
                problems.add("binds host port " + port.getHostPort());
            }
        }
        problems.addAll(securityViolations(pod.getSecurityContext(), container.getSecurityContext()));
        return problems;
    }

    private static List<String> resourceViolations(ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null) {
                problems.add("no " + resource + " request");
            }
            if (limit == null) {
                problems.add("no " + resource + " limit");
            }
            if (request != null && limit != null && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                problems.add(resource + " request " + request + " exceeds its limit " + limit);
            }
        }
        return problems;
    }

    private static List<String> securityViolations(PodSecurityContext pod, SecurityContext container) {
        List<String> problems = new ArrayList<>();
        if (container == null) {
            return List.of("no securityContext");
        }
        Boolean nonRoot = container.getRunAsNonRoot() != null ? container.getRunAsNonRoot()
                : pod == null ? null : pod.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            problems.add("runAsNonRoot is not true");
        }
        if (Long.valueOf(0).equals(container.getRunAsUser())) {
            problems.add("securityContext.runAsUser is 0 (root)");
        }
        if (!Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
            problems.add("readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
            problems.add("allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(container.getPrivileged())) {
            problems.add("runs privileged");
        }
        if (container.getCapabilities() == null || !container.getCapabilities().getDrop().contains("ALL")) {
            problems.add("capabilities.drop does not contain ALL");
        } else if (!Set.of("NET_BIND_SERVICE").containsAll(container.getCapabilities().getAdd())) {
            problems.add("adds capabilities " + container.getCapabilities().getAdd());
        }
        SeccompProfile seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile()
                : pod == null ? null : pod.getSeccompProfile();
        if (seccomp == null || !SECCOMP_TYPES.contains(seccomp.getType())) {
            problems.add("seccompProfile is not RuntimeDefault or Localhost");
        }
        return problems;
    }
}
