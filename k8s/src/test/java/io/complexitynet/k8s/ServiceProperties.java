package io.complexitynet.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A service's own application.properties, read from its module beside this one. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    static Path path(Services service) {
        return ManifestTree.root().getParent().resolve(service.name).resolve("src/main/resources/application.properties");
    }

    static Properties load(Services service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path(service))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
