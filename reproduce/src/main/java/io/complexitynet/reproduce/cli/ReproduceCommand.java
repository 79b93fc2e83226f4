package io.complexitynet.reproduce.cli;

import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.reproduce.application.PaperReproduction;
import io.complexitynet.reproduce.application.ReproductionSettings;
import io.complexitynet.reproduce.domain.DataSet;
import io.complexitynet.reproduce.domain.EvaluationSplit;
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
 * {@code reproduce}: runs the paper's experiment against running services on any data set and the ladder they are
 * configured with, and prints the table (the paper's numbers beside ours for MBPP on the paper's ladder). Every failure
 * is one line on standard error and exit code 1.
 */
@TopCommand
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false, subcommands = SyntheticRecordingsCommand.class,
        description = "Runs the ComplexityNet experiment through the running services' gRPC APIs: imports a data set (MBPP by"
                + " default) into the labeler, labels it with the labeler's ladder (k samples per model, every answer verified),"
                + " trains on the split's train part, promotes the model, classifies and routes the test part, and prints one"
                + " table named after the data set and the ladder (with the paper's numbers beside ours for MBPP on the paper's"
                + " three models), also written as Markdown, CSV and a PNG chart of cost against pass rate.%n")
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
            description = "The data set's JSONL, read here and by the labeler (inside its labeler.import.directory). Default:"
                    + " ../shared/data/mbpp/mbpp.jsonl from the repository root.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "mbpp, humaneval or generic. Default: recognised from the first line.")
    String format;

    @Option(names = "--paper-set", paramLabel = "FILE",
            description = "The paper's 150 labelled tasks (MBPP only). Default: paper-complexity-150.jsonl beside --data.")
    Path paperSet;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Data set name in the labeler; an existing one is reused. Default: the file's name without extension (mbpp).")
    String dataset;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "mbpp (MBPP's task-id ranges), fractions:<train>/<validation>/<test> (stratified by label) or"
                    + " explicit:<file> (lines of a task id and its part: train, validation or test), the last two sent to the"
                    + " trainer as an explicit split. Default: mbpp for MBPP, else fractions:0.7/0.15/0.15.")
    String split;

    @Option(names = "--k", defaultValue = "1", paramLabel = "N", description = "Samples per model and task. Default: ${DEFAULT-VALUE}.")
    int samplesPerModel;

    @Option(names = "--rule", defaultValue = "", paramLabel = "RULE",
            description = "Labelling rule: paper5, cheapest-passing or cheapest-reliably-passing. Default: the labeler's (paper5).")
    String rule;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the table, CSV and chart go. Default: reproduce/target/reproduction in the repository.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--concurrency", defaultValue = "4", description = "Routed requests in flight. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--ladder", split = ",", paramLabel = "MODELS",
            description = "The models to label with, cheapest first, by the names the labeler and the router are configured with;"
                    + " the router must route over the same ladder (the run stops and says so when it does not). Default: the"
                    + " labeler's whole ladder.")
    List<String> ladder;

    @Option(names = "--cost-units", split = ",", paramLabel = "UNITS",
            description = "Per-request cost of each model of the labeler's ladder, cheapest first. Default: the paper's 1,10,100"
                    + " for MBPP on a three-model ladder; required otherwise.")
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
        Path file = (data != null ? data : root.resolve("../shared/data/mbpp/mbpp.jsonl")).toAbsolutePath().normalize();
        requireFile(file, "--data");
        DataSet dataSet = DataSet.read(file, dataset != null ? dataset : DataSet.nameOf(file),
                Optional.ofNullable(format).map(TaskFormat::named));
        List<PaperSetTask> paperLabels = List.of();
        if (dataSet.format() == TaskFormat.MBPP) {
            Path labels = (paperSet != null ? paperSet : file.resolveSibling("paper-complexity-150.jsonl")).toAbsolutePath().normalize();
            requireFile(labels, "--paper-set");
            paperLabels = PaperSetTask.read(labels);
        } else if (paperSet != null) {
            throw new ReproductionFailed("--paper-set is the paper's MBPP labels; " + file + " is " + dataSet.format().label());
        }
        EvaluationSplit evaluationSplit = split == null ? EvaluationSplit.defaultFor(dataSet.format())
                : split.startsWith(EvaluationSplit.LISTED) ? ListedSplitFile.read(split) : EvaluationSplit.parse(split);
        ReproductionSettings settings = new ReproductionSettings(dataSet, paperLabels, evaluationSplit, samplesPerModel, rule,
                ladder != null ? ladder : List.of(), Optional.ofNullable(costUnits), seed, concurrency, Duration.ofMinutes(jobTimeoutMinutes), Optional.ofNullable(tenant));
        String admin = adminToken.isBlank() ? token : adminToken;
        String routing = routerToken.isBlank() ? token : routerToken;
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null);
        Reproduction reproduction;
        try (ServiceConnections services = new ServiceConnections(
                ServiceConnections.transport(Optional.of(tlsAuthority).filter(authority -> !authority.isBlank()).map(Path::of)),
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
        System.out.println(reproduction.title());
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

    static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ReproductionFailed(file + " does not exist; pass " + option + " <file>");
        }
    }

    /** The repository this command was built in (it holds reproduce/pom.xml), else the working directory. */
    static Path repositoryRoot() {
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
