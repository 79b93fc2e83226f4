package io.complexitynet.router.application;

import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.ChatTurn;
import io.complexitynet.router.backend.RouterLadder;
import io.complexitynet.router.classifier.PromotedClassifier;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.model.learning.AnswerScorer;
import io.complexitynet.router.domain.AnswerJudge;
import io.complexitynet.router.domain.Cascade;
import io.complexitynet.router.domain.Decision;
import io.complexitynet.router.domain.Question;
import io.complexitynet.router.domain.RequestLimits;
import io.complexitynet.router.domain.RouteDecider;
import io.complexitynet.router.domain.RouteOptions;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.metrics.RouterMetrics;
import io.complexitynet.router.persistence.RouteLedger;
import io.complexitynet.router.persistence.TenantBudgets;
import io.complexitynet.router.verification.VerifierClient;
import io.complexitynet.service.resilience.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One request from prompt to answer: the tenant's policy and budget, the promoted classifier's
 * prediction, the decision, the cascade over the model backends and the verifier, then usage and
 * (for tested requests of tenants that allow it) the samples the classifier can learn from.
 */
@ApplicationScoped
public class RouteWorkflow {

    /**
     * What a request asks for. {@code prompt} is what the classifier reads and replayed models look up;
     * {@code conversation}, the chat messages a caller sent (empty from gRPC), is what chat models get when there is one;
     * {@code temperature} and {@code maxTokens} are the caller's sampling settings, where it gave them. {@code examples}:
     * example statements shown with the task, never tests; only their calls are run (the scored cascade's probe).
     */
    public record Request(String tenant, String prompt, List<String> tests, List<String> examples, String setupCode,
                          List<String> provides, RouteOptions options, boolean noEscalation, List<ChatTurn> conversation,
                          OptionalDouble temperature, OptionalInt maxTokens) {

        public Request {
            tests = List.copyOf(tests);
            examples = List.copyOf(examples);
            provides = List.copyOf(provides);
            conversation = List.copyOf(conversation);
        }

        /** A request in the Router API's shape: our own prompt, the models' own sampling settings. */
        public Request(String tenant, String prompt, List<String> tests, List<String> examples, String setupCode, List<String> provides,
                       RouteOptions options, boolean noEscalation) {
            this(tenant, prompt, tests, examples, setupCode, provides, options, noEscalation, List.of(), OptionalDouble.empty(),
                    OptionalInt.empty());
        }

        /** Without tests, the examples stand where tests would: shown to the models, read by the classifier (they name the function). */
        List<String> shownStatements() {
            return tests.isEmpty() ? examples : tests;
        }

        Question question() {
            return new Question(prompt, setupCode, shownStatements(), conversation, temperature, maxTokens);
        }

        /** The scored cascade's test-free run: the calls of the examples in the prompt and in {@code examples}. */
        AnswerProbe probe() {
            return AnswerProbe.of(prompt + "\n" + String.join("\n", examples));
        }
    }

    /** A decision with its classifier and how long it took. */
    public record Decided(Decision decision, PromotedClassifier.Loaded classifier, long decisionNanos) {
    }

    /** A routed request's outcome; {@code probeNanos}: the scored cascade's test-free runs. */
    public record Routed(Decided decided, Cascade.Outcome outcome, long generationNanos, long verificationNanos, long probeNanos) {
    }

    /** A piece of a model's reply, handed on as the model writes it. */
    public record ReplyPiece(String model, String text) {
    }

    private final PromotedClassifier classifier;
    private final RouterLadder ladder;
    /** Empty with router.paper-policy=model: each promoted model's own scale maps its classes to the ladder. */
    private final Optional<RouteDecider> configuredDecider;
    private final Cascade cascade;
    private final Cascade firstModelOnly;
    private final TenantPolicies policies;
    private final RequestLimits limits;
    private final TenantRateLimits rateLimits;
    private final int promptOverheadTokens;
    private final RouteLedger ledger;
    private final VerifierClient verifier;
    private final RouterMetrics metrics;
    private final TransientRetry retry;

    RouteWorkflow(PromotedClassifier classifier, RouterLadder ladder, RouterConfig config, TenantPolicies policies,
                  TenantRateLimits rateLimits, RouteLedger ledger, VerifierClient verifier, RouterMetrics metrics,
                  TransientRetry retry) {
        this.retry = retry;
        this.rateLimits = rateLimits;
        this.promptOverheadTokens = config.budget().promptOverheadTokens();
        this.classifier = classifier;
        this.ladder = ladder;
        RouterConfig.Limits limits = config.limits();
        this.limits = new RequestLimits(limits.promptChars(), limits.tests(), limits.testChars(), limits.setupChars());
        this.configuredDecider = config.paperPolicy().equals(RouterConfig.PAPER_POLICY_OF_THE_MODEL) ? Optional.empty()
                : Optional.of(new RouteDecider(ladder.ladder(), ComplexityPolicy.parse(config.paperPolicy())));
        this.cascade = new Cascade(ladder.ladder(), config.escalate());
        this.firstModelOnly = new Cascade(ladder.ladder(), false);
        this.policies = policies;
        this.ledger = ledger;
        this.verifier = verifier;
        this.metrics = metrics;
    }

    /** The names of the models a tenant may use, cheapest first. */
    public List<String> usableModels(String tenant) {
        RouteDecider decider = new RouteDecider(ladder.ladder(), ComplexityPolicy.paper());
        return decider.usable(policies.of(tenant), RouteOptions.none()).stream().map(index -> ladder.ladder().get(index).name()).toList();
    }

    public Decided decide(Request request) {
        long arrived = System.nanoTime();
        validate(request);
        rateLimits.admit(request.tenant());
        return decide(request, policies.of(request.tenant()), arrived);
    }

    /** Classifies and decides; the decision's time counts from the request's arrival, so admission is in it. */
    private Decided decide(Request request, TenantPolicy policy, long arrived) {
        long admitted = System.nanoTime();
        metrics.stage(RouterMetrics.Stage.ADMISSION, admitted - arrived);
        PromotedClassifier.Classified classified = classifier.classify(request.prompt(), request.shownStatements());
        metrics.stage(RouterMetrics.Stage.CLASSIFY, System.nanoTime() - admitted);
        if (classified.prediction().models() != ladder.ladder().size()) {
            throw RequestRefused.unavailable("the promoted model predicts for "
                    + classified.prediction().models() + " models but the router's ladder has " + ladder.ladder().size());
        }
        RouteDecider decider = configuredDecider.orElseGet(() -> new RouteDecider(ladder.ladder(),
                classified.model().model().complexityPolicy()));
        Decision decision = decider.decide(classified.prediction(), policy, request.options());
        long nanos = System.nanoTime() - arrived;
        metrics.decided(nanos);
        return new Decided(decision, classified.model(), nanos);
    }

    public Routed route(Request request) {
        return route(request, Optional.empty());
    }

    /**
     * Routes the request; without tests, hands {@code pieces} the reply as the model writes it. Nothing is handed on
     * with tests: only a verified answer may go out. A model whose reply breaks off after a piece went out ends the
     * request (UNAVAILABLE) rather than another model's reply following the broken one.
     */
    public Routed route(Request request, Optional<Consumer<ReplyPiece>> pieces) {
        long arrived = System.nanoTime();
        validate(request);
        rateLimits.admit(request.tenant());
        TenantPolicy policy = policies.of(request.tenant());
        metrics.showBudget(request.tenant());
        Decided decided = decide(request, policy, arrived);
        Optional<AnswerScorer> scorer = scorer(request, decided);
        Cascade chosen = request.noEscalation() ? firstModelOnly : cascade;
        // Without tests one answer per model, except that the scored cascade may ask for a second to compare (never more).
        int triesPerModel = !request.tests().isEmpty() ? request.options().triesPerModel(policy)
                : scorer.isPresent() ? Math.min(Cascade.JUDGED_ANSWERS_PER_MODEL, request.options().triesPerModel(policy)) : 1;
        Optional<TenantBudgets.Hold> hold = policies.reserve(policy,
                chosen.costCeiling(decided.decision(), triesPerModel, promptTokenCeiling(request), ladder::maxTokens));
        String requestId = UUID.randomUUID().toString();
        long[] generation = {0};
        long[] verification = {0};
        long[] probing = {0};
        Question question = request.question();
        // A scored answer may be rejected and the next model's follow, so nothing goes out before it is taken.
        Optional<Consumer<ReplyPiece>> streamed = request.tests().isEmpty() && scorer.isEmpty() ? pieces : Optional.empty();
        boolean[] handedOn = {false};
        Cascade.Generator generator = (model, sample) -> {
            long start = System.nanoTime();
            try {
                Cascade.Generated generated = ladder.generate(model, sample, requestId, question, streamed.map(to -> text -> {
                    handedOn[0] |= !text.isEmpty();
                    to.accept(new ReplyPiece(model.name(), text));
                }));
                // A reply already sent is the answer, code in it or not: the next model's must not follow it.
                return handedOn[0] && generated.code().isBlank()
                        ? new Cascade.Generated(generated.reply(), generated.reply(), generated.promptTokens(), generated.completionTokens(),
                        generated.millis())
                        : generated;
            } catch (Cascade.GenerationFailed e) {
                if (handedOn[0]) {
                    throw RequestRefused.unavailable(model.name() + " broke off its answer after part of it was sent: " + e.getMessage());
                }
                throw e;
            } finally {
                generation[0] += System.nanoTime() - start;
            }
        };
        Optional<Cascade.Checker> checker = Optional.empty();
        if (!request.tests().isEmpty()) {
            Cascade.Checker tests = verifier.checker(requestId, request.setupCode(), request.tests(), request.provides());
            checker = Optional.of(code -> {
                long start = System.nanoTime();
                try {
                    return tests.check(code);
                } finally {
                    verification[0] += System.nanoTime() - start;
                }
            });
        }
        Cascade.Outcome outcome;
        try {
            // What the models spend must be recorded: with the database out of reach, nothing runs (UNAVAILABLE).
            // A hold was just written there, which says as much; only a request without one asks.
            if (hold.isEmpty()) {
                ledger.ensureReachable();
            }
            // After the hold, so a tenant without budget left gets no sandbox run either; a refusal releases the hold.
            if (!request.tests().isEmpty()) {
                long start = System.nanoTime();
                verifier.checkTests(request.setupCode(), request.tests());
                verification[0] += System.nanoTime() - start;
            }
            Optional<Cascade.Judge> judge = Optional.empty();
            if (scorer.isPresent()) {
                AnswerProbe probe = request.probe();
                judge = Optional.of(judge(scorer.get(), probe, decided, requestId, probing));
                // A cascade of one model judges nothing (its answer is the answer), so only a longer one needs the verifier.
                if (chosen.mayAsk(decided.decision()).size() > 1) {
                    long start = System.nanoTime();
                    verifier.checkProbe(probe.statements());
                    probing[0] += System.nanoTime() - start;
                }
            }
            outcome = chosen.run(decided.decision(), checker, judge, triesPerModel, generator);
        } catch (RuntimeException e) {
            recordUsage(requestId, request, List.of(), List.of(), hold);
            throw e;
        }
        metrics.stage(RouterMetrics.Stage.GENERATION, generation[0]);
        metrics.stage(RouterMetrics.Stage.VERIFICATION, verification[0]);
        metrics.stage(RouterMetrics.Stage.PROBE, probing[0]);
        long answered = System.nanoTime();
        record(request, policy, requestId, decided, outcome, hold);
        metrics.stage(RouterMetrics.Stage.ACCOUNTING, System.nanoTime() - answered);
        outcome.stoppedBy().ifPresent(refusal -> {
            throw refusal;
        });
        if (outcome.answer().isEmpty()) {
            throw RequestRefused.unavailable("no model could answer: " + outcome.attempts().stream()
                    .map(attempt -> attempt.failure().orElse("")).toList());
        }
        return new Routed(decided, outcome, generation[0], verification[0], probing[0]);
    }

    /** The scored cascade's judge: the request's probe run by the verifier, its time added to {@code probing}. */
    private AnswerJudge judge(AnswerScorer scorer, AnswerProbe probe, Decided decided, String requestId, long[] probing) {
        AnswerJudge.Sandbox sandbox = verifier.sandbox(requestId);
        return new AnswerJudge(scorer, decided.decision().prediction(), probe, (code, statements) -> {
            long start = System.nanoTime();
            try {
                return sandbox.run(code, statements);
            } finally {
                probing[0] += System.nanoTime() - start;
            }
        });
    }

    /**
     * The promoted model's answer scorer when the request is routed by the scored cascade without tests (with tests, or
     * naming a ladder model, it is not needed). Refused before anything runs when the promoted model has none.
     */
    private static Optional<AnswerScorer> scorer(Request request, Decided decided) {
        if (decided.decision().mode() != RoutingMode.SCORED_CASCADE || !request.tests().isEmpty()
                || request.options().ladderModel().isPresent()) {
            return Optional.empty();
        }
        PromotedClassifier.Loaded model = decided.classifier();
        return Optional.of(model.model().answerScorer().orElseThrow(() -> RequestRefused.wrongState("policy scored-cascade: the promoted"
                + " model " + model.id() + " (version " + model.version() + ") has no answer scorer (trained on labels without probe"
                + " outcomes); promote a model trained on probed labels, send tests, or use another policy")));
    }

    /**
     * The most tokens the request's prompt can be: a token covers at least one byte, and the chat template
     * around the prompt, setup and tests is at most router.budget.prompt-overhead-tokens.
     */
    private long promptTokenCeiling(Request request) {
        long bytes = utf8Bytes(request.prompt()) + utf8Bytes(request.setupCode())
                + request.shownStatements().stream().mapToLong(RouteWorkflow::utf8Bytes).sum()
                + request.conversation().stream().mapToLong(turn -> utf8Bytes(turn.content())).sum();
        return bytes + promptOverheadTokens;
    }

    private static long utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void record(Request request, TenantPolicy policy, String requestId, Decided decided, Cascade.Outcome outcome,
                        Optional<TenantBudgets.Hold> hold) {
        List<RouteLedger.Usage> usage = new ArrayList<>();
        List<RouteLedger.RoutedSample> kept = new ArrayList<>();
        int index = 0;
        for (Cascade.Attempt attempt : outcome.attempts()) {
            String verdict = attempt.checked().map(Cascade.Checked::verdict).orElse("");
            metrics.attempted(request.tenant(), attempt.model().name(), verdict, attempt.costUnits());
            attempt.judged().ifPresent(judged -> metrics.judged(attempt.model().name(), judged.probe().kind().name(), judged.accepted(),
                    judged.agreementWord()));
            if (attempt.generated().isEmpty()) {
                continue;
            }
            Cascade.Generated generated = attempt.generated().get();
            usage.add(new RouteLedger.Usage(attempt.model().name(), generated.promptTokens(), generated.completionTokens(),
                    attempt.costUnits()));
            if (policy.feedback() && attempt.checked().isPresent()) {
                kept.add(new RouteLedger.RoutedSample(requestId + "/" + index, request.tenant(), request.prompt(), request.tests(),
                        request.setupCode(), attempt.model().name(), generated.code(), verdict, decided.classifier().id()));
            }
            index++;
        }
        recordUsage(requestId, request, usage, kept, hold);
        outcome.answer().ifPresent(answer -> {
            Cascade.Generated generated = answer.generated().orElseThrow();
            List<PricedModel> models = ladder.ladder();
            double largest = models.get(models.size() - 1).costUnits() * (generated.promptTokens() + generated.completionTokens()) / 1000.0;
            long asked = outcome.attempts().stream().map(attempt -> attempt.model().name()).distinct().count();
            metrics.answered(request.tenant(), answer.verdict(), (int) asked - 1, largest);
        });
    }

    // Models have run and must be charged, or a hold released: a database outage is waited out rather than losing
    // either, and a retry after a commit whose acknowledgement was lost finds the request recorded (its id) and adds
    // nothing. A request that ran nothing and held nothing has nothing to record.
    private void recordUsage(String requestId, Request request, List<RouteLedger.Usage> usage, List<RouteLedger.RoutedSample> kept,
                             Optional<TenantBudgets.Hold> hold) {
        if (usage.isEmpty() && kept.isEmpty() && hold.isEmpty()) {
            return;
        }
        LocalDate today = policies.today();
        retry.run("recording usage", () -> ledger.record(requestId, request.tenant(), today, usage, kept, hold));
    }

    private void validate(Request request) {
        if (request.prompt().isBlank()) {
            throw RequestRefused.invalidArgument("prompt", "is empty; send the task as a user would ask it");
        }
        limits.check(request.prompt(), request.tests(), request.setupCode());
        limits.checkStatements("examples", request.examples());
        for (int i = 0; i < request.tests().size(); i++) {
            if (request.tests().get(i).isBlank()) {
                throw RequestRefused.invalidArgument("tests[" + i + "]", "is empty");
            }
        }
        if (request.options().triesPerModel().isPresent() && !Cascade.allowedTries(request.options().triesPerModel().getAsInt())) {
            throw RequestRefused.invalidArgument("tries_per_model", "must be 0 (the tenant's) or 1 to " + Cascade.MAX_TRIES_PER_MODEL
                    + ", was " + request.options().triesPerModel().getAsInt());
        }
        if (request.options().threshold().isPresent()) {
            double q = request.options().threshold().getAsDouble();
            if (!(q > 0 && q <= 1)) {
                throw RequestRefused.invalidArgument("quality_target", "must be in (0, 1], was " + q);
            }
        }
        long conversationChars = request.conversation().stream().mapToLong(turn -> turn.content().length()).sum();
        if (conversationChars > limits.promptChars()) {
            throw RequestRefused.invalidArgument("messages", "hold " + conversationChars + " characters; at most "
                    + limits.promptChars() + " (router.limits.prompt-chars)");
        }
        if (request.temperature().isPresent() && !(request.temperature().getAsDouble() >= 0 && request.temperature().getAsDouble() <= 2)) {
            throw RequestRefused.invalidArgument("temperature", "must be in [0, 2], was " + request.temperature().getAsDouble());
        }
        if (request.maxTokens().isPresent() && request.maxTokens().getAsInt() < 1) {
            throw RequestRefused.invalidArgument("max_tokens", "must be at least 1, was " + request.maxTokens().getAsInt());
        }
    }
}
