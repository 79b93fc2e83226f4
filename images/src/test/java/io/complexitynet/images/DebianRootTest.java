package io.complexitynet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** debian_root.py on small made-up roots: what prune keeps and removes, and the trust store it rewrites. */
class DebianRootTest {

    private static final Path TOOL = Path.of("src", "main", "python", "debian_root.py").toAbsolutePath();

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private void pkg(StringBuilder status, String name, String depends, String... files) throws IOException {
        status.append("Package: ").append(name).append("\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n");
        if (!depends.isEmpty()) {
            status.append("Depends: ").append(depends).append('\n');
        }
        status.append('\n');
        StringBuilder list = new StringBuilder();
        for (String file : files) {
            list.append(file).append('\n');
            Path path = root.resolve(file.substring(1));
            if (file.contains("..") || file.startsWith("/bin/")) {
                continue; // listed only: made by hand, never through a path Java would resolve on this machine
            }
            if (file.endsWith("/")) {
                Files.createDirectories(path);
            } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, name);
            }
        }
        Files.writeString(root.resolve("var/lib/dpkg/info/" + name + ".list"), list);
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", TOOL.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOURCE_DATE_EPOCH", "1767225600");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void pruneKeepsTheClosureAndRemovesTheRestWithoutLeavingTheRoot() throws Exception {
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        // An absolute link inside the image: followed as the image would, it leads to /usr/bin there, not here.
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("/usr/bin"));
        Path hostFile = Files.writeString(outside.resolve("sh"), "this machine's");
        Files.createSymbolicLink(root.resolve("usr/bin/escape"), hostFile);
        Files.writeString(root.resolve("usr/bin/sh"), "the image's shell");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        StringBuilder status = new StringBuilder();
        pkg(status, "app", "libfoo (>= 1), missing-alternative | libbar", "/usr/", "/usr/bin/", "/usr/bin/app");
        pkg(status, "libfoo", "", "/usr/lib/", "/usr/lib/libfoo.so");
        pkg(status, "libbar", "debconf", "/usr/lib/libbar.so");
        pkg(status, "debconf", "perl-base", "/usr/bin/debconf");
        pkg(status, "perl-base", "", "/usr/bin/perl");
        pkg(status, "libperl5.36", "", "/usr/lib/libperl.so.5.36");
        pkg(status, "dash", "", "/bin/sh", "/usr/bin/escape", "/../" + outside.getFileName() + "/sh", "/usr/share/dash/",
                "/usr/share/dash/README");
        Files.writeString(root.resolve("var/lib/dpkg/status"), status);

        String kept = run("prune", root.toString(), "app", "--without=debconf");

        assertTrue(kept.startsWith("kept 3 of 7 packages: app libbar libfoo"), kept);
        for (String present : List.of("usr/bin/app", "usr/lib/libfoo.so", "usr/lib/libbar.so")) {
            assertTrue(Files.exists(root.resolve(present)), present);
        }
        for (String gone : List.of("usr/bin/sh", "usr/bin/debconf", "usr/bin/perl", "usr/bin/escape", "usr/share/dash")) {
            assertFalse(Files.exists(root.resolve(gone), LinkOption.NOFOLLOW_LINKS), gone);
        }
        assertEquals("this machine's", Files.readString(hostFile), "a link in the image never leads to this machine's files");
        String left = Files.readString(root.resolve("var/lib/dpkg/status"));
        assertTrue(left.contains("Package: libbar") && !left.contains("Package: dash") && !left.contains("Package: debconf"), left);
        assertFalse(Files.exists(root.resolve("var/lib/dpkg/info/dash.list")));
        assertFalse(Files.exists(root.resolve("var/lib/dpkg/info/libperl5.36.list")), "a dotted package's lists go too");
        String sbom = run("sbom", root.toString());
        assertTrue(sbom.contains("\"purl\": \"pkg:deb/debian/libfoo@1.0?arch=amd64&distro=debian-12\""), sbom);
        assertFalse(sbom.contains("dash"), sbom);
    }

    @Test
    void theDifferenceIsTheLayerThatTurnsTheBaseIntoTheFullRoot() throws Exception {
        Path full = root.resolve("full");
        Path base = root.resolve("base");
        for (Path tree : List.of(full, base)) {
            Files.createDirectories(tree.resolve("usr/bin"));
            Files.writeString(tree.resolve("usr/bin/java"), "the same");
            Files.createSymbolicLink(tree.resolve("usr/bin/awk"), Path.of("mawk"));
        }
        Files.writeString(full.resolve("usr/bin/bwrap"), "only in full");
        // A special file is never read (a device's read could block or reach this machine's device) nor copied.
        assertEquals(0, new ProcessBuilder("mkfifo", full.resolve("usr/bin/pipe").toString()).start().waitFor());
        Files.createDirectories(full.resolve("var/lib/dpkg"));
        Files.createDirectories(base.resolve("var/lib/dpkg"));
        Files.writeString(full.resolve("var/lib/dpkg/status"), "Package: bubblewrap\n\nPackage: java\n");
        Files.writeString(base.resolve("var/lib/dpkg/status"), "Package: java\n");

        run("difference", full.toString(), base.toString(), outside.resolve("layer").toString());

        List<String> layer;
        try (var files = Files.walk(outside.resolve("layer"))) {
            layer = files.filter(path -> !Files.isDirectory(path)).map(path -> outside.resolve("layer").relativize(path).toString()).sorted().toList();
        }
        assertEquals(List.of("usr/bin/bwrap", "var/lib/dpkg/status"), layer);
        assertTrue(Files.readString(outside.resolve("layer/var/lib/dpkg/status")).contains("bubblewrap"));
    }

    @Test
    void theTrustStoreIsTheSameCertificatesDatedTheBuildsTime() throws Exception {
        Files.createDirectories(root.resolve("etc/ssl/certs/java"));
        List<Path> certificates;
        try (var pems = Files.list(Path.of("/etc/ssl/certs"))) {
            certificates = pems.filter(path -> path.toString().endsWith(".pem")).sorted().limit(3).toList();
        }
        for (Path pem : certificates) {
            Files.copy(pem, root.resolve("etc/ssl/certs/" + pem.getFileName()));
        }
        run("java-trust-store", root.toString());
        byte[] first = Files.readAllBytes(root.resolve("etc/ssl/certs/java/cacerts"));
        run("java-trust-store", root.toString());
        assertArrayEquals(first, Files.readAllBytes(root.resolve("etc/ssl/certs/java/cacerts")), "the same bytes from every build");

        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(root.resolve("etc/ssl/certs/java/cacerts"))) {
            store.load(in, "changeit".toCharArray());
        }
        List<String> aliases = Collections.list(store.aliases());
        assertEquals(certificates.size(), aliases.size(), aliases::toString);
        for (String alias : aliases) {
            assertTrue(store.isCertificateEntry(alias) && alias.startsWith("debian:"), alias);
            assertEquals(new Date(1767225600_000L), store.getCreationDate(alias), alias);
        }
    }
}
