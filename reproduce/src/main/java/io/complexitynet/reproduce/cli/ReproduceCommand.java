package io.complexitynet.reproduce.cli;

import io.complexitynet.core.task.MalformedDatasetException;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.reproduce.application.PaperReproduction;
import io.complexitynet.reproduce.application.ReproductionSettings;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.PaperSetTask;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import io.complexitynet.reproduce.domain.ReproductionTable;
import io.complexitynet.reproduce.grpc.BearerToken;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.grpc.ServiceConnections.Endpoint;
import io.complexitynet.reproduce.report.ReproductionFiles;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reproduce}: runs the paper's experiment against running services and prints the paper's numbers
 * beside ours. Every failure is one line on standard error and exit code 1.
 */
@TopCommand
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reproduces the ComplexityNet paper through the running services' gRPC APIs: imports MBPP into the"
                + " labeler, labels it (k=1, every answer verified), trains on the train split, promotes the model, classifies"
                + " and routes the test split (tasks 11-510), and prints one table with the paper's numbers beside ours, also"
                + " written as Markdown, CSV and a PNG chart of cost against pass rate.%n")
public class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--endpoint", defaultValue = "localhost:8080", paramLabel = "HOST:PORT",
            description = "Where every service listens unless overridden (the embedded mode serves all four on one port). Default: ${DEFAULT-VALUE}.")
    String endpoint;

    @Option(names = "--labeler", paramLabel = "HOST:PORT", description = "The labeler, when separate (deployed default :8082).")
    String labeler;

    @Option(names = "--trainer", paramLabel = "HOST:PORT", description = "The trainer, when separate (deployed default :8083).")
    String trainer;

    @Option(names = "--router", paramLabel = "HOST:PORT", description = "The router, when separate (deployed default :8080).")
    String router;

    @Option(names = "--token", defaultValue = "${env:COMPLEXITYNET_TOKEN:-}", paramLabel = "JWT",
            description = "Bearer token for every call (env COMPLEXITYNET_TOKEN); none when auth is off. admin-ops's token holds every role needed.")
    String token;

    @Option(names = "--admin-token", defaultValue = "${env:COMPLEXITYNET_ADMIN_TOKEN:-}", paramLabel = "JWT",
            description = "Token for the labeler, the trainer and TenantAdmin (roles labeler-admin, trainer-admin, tenant-admin; env COMPLEXITYNET_ADMIN_TOKEN). Default: --token.")
    String adminToken;

    @Option(names = "--router-token", defaultValue = "${env:COMPLEXITYNET_ROUTER_TOKEN:-}", paramLabel = "JWT",
            description = "Token for the router (role router-user and a tenant; env COMPLEXITYNET_ROUTER_TOKEN). Default: --token.")
    String routerToken;

    @Option(names = "--tenant", paramLabel = "NAME",
            description = "The tenant the router token names: given an unlimited paper policy through the router's TenantAdmin API"
                    + " (role tenant-admin in --admin-token) if it has none. Default: none, for a router that serves a default"
                    + " policy (the embedded mode) or a tenant that has one.")
    String tenant;

    @Option(names = "--tls-ca", defaultValue = "${env:COMPLEXITYNET_TLS_CA:-}", paramLabel = "FILE",
            description = "Call the services over TLS, trusting this authority's PEM certificate (the ca.crt of the services'"
                    + " certificate Secrets; env COMPLEXITYNET_TLS_CA), as they serve in the cluster. Default: plaintext, for"
                    + " services on this machine.")
    String tlsAuthority;

    @Option(names = "--data", paramLabel = "FILE",
            description = "MBPP's mbpp.jsonl, read here and by the labeler. Default: ../shared/data/mbpp/mbpp.jsonl from the repository root.")
    Path data;

    @Option(names = "--paper-set", paramLabel = "FILE",
            description = "The paper's 150 labelled tasks. Default: paper-complexity-150.jsonl beside --data.")
    Path paperSet;

    @Option(names = "--dataset", defaultValue = "mbpp", description = "Data set name in the labeler; an existing one is reused. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the table, CSV and chart go. Default: reproduce/target/reproduction in the repository.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--concurrency", defaultValue = "4", description = "Routed requests in flight. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--cost-units", split = ",", defaultValue = "1,10,100", paramLabel = "UNITS",
            description = "Per-request cost of each ladder model, cheapest first. Default: the paper's ${DEFAULT-VALUE}.")
    List<Double> costUnits;

    @Option(names = "--job-timeout", defaultValue = "20", paramLabel = "MINUTES",
            description = "The longest the labelling or the training job may take. Default: ${DEFAULT-VALUE}.")
    long jobTimeoutMinutes;

    @Override
    public Integer call() {
        try {
            run();
            return 0;
        } catch (ReproductionFailed | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("reproduce: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("reproduce: cannot write the results: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A defect of this command, not bad input: still one line, naming the exception so it can be reported.
            System.err.println("reproduce: unexpected error: " + e);
            return 1;
        }
    }

    private void run() throws IOException {
        Path root = repositoryRoot();
        Path mbpp = (data != null ? data : root.resolve("../shared/data/mbpp/mbpp.jsonl")).toAbsolutePath().normalize();
        Path paperLabels = (paperSet != null ? paperSet : mbpp.resolveSibling("paper-complexity-150.jsonl")).toAbsolutePath().normalize();
        requireFile(mbpp, "--data");
        requireFile(paperLabels, "--paper-set");
        List<MbppTask> tasks;
        try {
            tasks = MbppReader.read(mbpp);
        } catch (MalformedDatasetException e) {
            throw new ReproductionFailed(mbpp + " is not a valid MBPP file: " + e.getMessage());
        }
        ReproductionSettings settings = new ReproductionSettings(dataset, mbpp.toString(), tasks, PaperSetTask.read(paperLabels),
                costUnits, seed, concurrency, Duration.ofMinutes(jobTimeoutMinutes), Optional.ofNullable(tenant));
        String admin = adminToken.isBlank() ? token : adminToken;
        String routing = routerToken.isBlank() ? token : routerToken;
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null);
        Reproduction reproduction;
        try (ServiceConnections services = new ServiceConnections(
                ServiceConnections.transport(Optional.of(tlsAuthority).filter(file -> !file.isBlank()).map(Path::of)),
                new Endpoint(target(labeler), labeler == null ? "--labeler (or --endpoint)" : "--labeler", new BearerToken(admin)),
                new Endpoint(target(trainer), trainer == null ? "--trainer (or --endpoint)" : "--trainer", new BearerToken(admin)),
                new Endpoint(target(router), router == null ? "--router (or --endpoint)" : "--router", new BearerToken(routing)),
                new BearerToken(admin))) {
            reproduction = new PaperReproduction(services, settings, progress).run();
        }
        ReproductionTable table = ReproductionTable.of(reproduction);
        ReproductionFiles.Written written = ReproductionFiles.write(reproduction, table,
                out != null ? out : root.resolve("reproduce/target/reproduction"));
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.printf("%nWritten: %s, %s, %s (%.0f s)%n", written.markdown(), written.csv(), written.chart(),
                reproduction.took().toMillis() / 1000.0);
    }

    private String target(String override) {
        String target = override != null ? override : endpoint;
        if (!target.matches("[^:\\s]+:\\d{1,5}")) {
            throw new ReproductionFailed("'" + target + "' is not an endpoint; expected HOST:PORT, e.g. localhost:8080");
        }
        return target;
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ReproductionFailed(file + " does not exist; pass " + option + " <file>");
        }
    }

    /** The repository this command was built in (it holds reproduce/pom.xml), else the working directory. */
    private static Path repositoryRoot() {
        try {
            Path location = Path.of(ReproduceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("reproduce/pom.xml"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
