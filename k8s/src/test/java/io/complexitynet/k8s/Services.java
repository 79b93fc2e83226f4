package io.complexitynet.k8s;

import java.util.Arrays;
import java.util.List;

/** The four services as the manifests name them: Deployment, Service and ServiceAccount share the name. */
enum Services {
    VERIFIER("verifier-service", 8081),
    LABELER("labeler-service", 8082),
    TRAINER("trainer-service", 8083),
    ROUTER("router-service", 8080);

    static final String NAMESPACE = "complexitynet";
    static final String SANDBOX_NAMESPACE = "complexitynet-sandbox";
    static final String NAME_LABEL = "app.kubernetes.io/name";

    final String name;
    final int port;

    Services(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** The name without "-service", as the service's own objects use it (e.g. the Secret verifier-rabbitmq). */
    String component() {
        return name.substring(0, name.length() - "-service".length());
    }

    static List<String> names() {
        return Arrays.stream(values()).map(service -> service.name).toList();
    }
}
