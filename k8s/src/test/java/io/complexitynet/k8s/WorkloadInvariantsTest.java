package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks themselves: a compliant pod passes, and each way of breaking one is reported by name. */
class WorkloadInvariantsTest {

    private static final String COMPLIANT = WorkloadYaml.of("Deployment", "ns", "web", """
            securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
            containers:
              - name: web
                image: web:1
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
                livenessProbe: {tcpSocket: {port: 80}}
                readinessProbe: {tcpSocket: {port: 80}}
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                volumeMounts: [{name: tmp, mountPath: /tmp}]
            volumes: [{name: tmp, emptyDir: {}}]
            """);

    @Test
    void aCompliantDeploymentPasses() {
        assertEquals(List.of(), violations(COMPLIANT));
    }

    @Test
    void everyBrokenRuleIsNamedWithItsContainer() {
        String broken = WorkloadYaml.of("StatefulSet", "ns", "db", """
                hostNetwork: true
                initContainers:
                  - name: init
                    image: db:1
                containers:
                  - name: db
                    image: db:1
                    ports: [{containerPort: 5432, hostPort: 5432}]
                    resources: {requests: {cpu: "2", memory: 64Mi}, limits: {cpu: "1"}}
                    securityContext:
                      runAsUser: 0
                      privileged: true
                      capabilities: {drop: [ALL], add: [SYS_ADMIN]}
                      seccompProfile: {type: Unconfined}
                volumes: [{name: host, hostPath: {path: /var}}]
                """);

        List<String> problems = violations(broken);

        List<String> expected = List.of(
                "StatefulSet ns/db: shares a host namespace",
                "StatefulSet ns/db: volume host is of type [hostPath]",
                "init container init: no cpu request", "init container init: no securityContext",
                "container db: no memory limit", "container db: cpu request 2 exceeds its limit 1",
                "container db: no livenessProbe", "container db: no readinessProbe", "container db: binds host port 5432",
                "container db: runAsNonRoot is not true", "container db: securityContext.runAsUser is 0",
                "container db: readOnlyRootFilesystem is not true", "container db: allowPrivilegeEscalation is not false",
                "container db: runs privileged", "container db: adds capabilities [SYS_ADMIN]",
                "container db: seccompProfile is not RuntimeDefault or Localhost");
        for (String problem : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), "not reported: " + problem + "\nin: " + problems);
        }
        assertTrue(problems.stream().noneMatch(p -> p.contains("init container init: no livenessProbe")),
                "init containers need no probes: " + problems);
    }

    @Test
    void aMisspeltFieldIsAnUnknownField() {
        String misspelt = COMPLIANT.replace("readOnlyRootFilesystem", "readOnlyRootFilesytem");

        Manifest manifest = new Manifest("test", ManifestYaml.typed(ManifestYaml.documents(misspelt).get(0)));

        assertEquals(List.of("spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem"),
                UnknownFields.in(manifest.resource()));
        assertTrue(WorkloadInvariants.violations(manifest).stream().anyMatch(p -> p.contains("readOnlyRootFilesystem is not true")));
    }

    private static List<String> violations(String yaml) {
        return WorkloadInvariants.violations(new Manifest("test", ManifestYaml.typed(ManifestYaml.documents(yaml).get(0))));
    }
}
