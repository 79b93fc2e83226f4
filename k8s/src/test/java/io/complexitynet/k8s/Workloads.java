package io.complexitynet.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;

/** The pod template of a typed workload; empty for resources that run no pods. */
final class Workloads {

    private Workloads() {
    }

    static Optional<PodTemplateSpec> template(HasMetadata resource) {
        if (resource instanceof Deployment deployment) {
            return Optional.ofNullable(deployment.getSpec().getTemplate());
        }
        if (resource instanceof StatefulSet statefulSet) {
            return Optional.ofNullable(statefulSet.getSpec().getTemplate());
        }
        if (resource instanceof DaemonSet daemonSet) {
            return Optional.ofNullable(daemonSet.getSpec().getTemplate());
        }
        if (resource instanceof Job job) {
            return Optional.ofNullable(job.getSpec().getTemplate());
        }
        if (resource instanceof CronJob cronJob) {
            return Optional.ofNullable(cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        if (resource instanceof Pod pod) {
            return Optional.of(new PodTemplateSpec(pod.getMetadata(), pod.getSpec()));
        }
        return Optional.empty();
    }
}
