package org.backprop.playground.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Point;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Passes;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Reshape;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.engine.Trainer;
import org.backprop.playground.state.CustomPoints;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.Goal;
import org.backprop.playground.state.Locks;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.NotApplying;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;

/**
 * One person's playground: a state, its data, its network and trainer, and the commands a page
 * sends while it trains. Built the way TF Playground starts: seed the generator with the state's
 * seed, generate the points, shuffle, split, then draw the initial weights from the same
 * generator; that generator keeps going for everything drawn later (new neurons, regenerate's new
 * seed), so the same state and the same commands give the same weights after every epoch.
 *
 * <p>Live changes keep what was learned: hyperparameters apply at the next update; a change of
 * shape, features, activation or loss maps the weights onto the new network (every link whose two
 * ends stay keeps its weight; new links start small, drawn from the seeded generator); new data
 * keeps the weights. The optimizer's state (momentum, Adam's moments) and a batch's leftover
 * gradient restart when the network is rebuilt; for TF's SGD there is none of either.
 *
 * <p>An exercise's goal is checked here, after every epoch while it is still open and in every
 * frame (see {@link GoalProgress}); a budget that runs out pauses the session as divergence does.
 *
 * <p>Playing trains at the state's {@code speed} (epochs per second; a live key, read at each
 * turn, the epoch count kept), or as fast as turns allow at {@code max}; a {@code step} is never paced.
 *
 * <p>Thread-safe: every method takes this session's lock, which the scheduler holds for one
 * bounded slice of epochs at most. Commands notify the listener (the scheduler) afterwards.
 */
public final class TrainingSession {
    /** New links start at U(−0.05, 0.05): a tenth of TF's initial scale, so a new neuron barely changes the output. */
    static final double NEW_WEIGHT_SCALE = 0.1;
    /** Largest |value| setWeight accepts; far beyond any trained weight, short of overflow. */
    static final double MAX_EDITED_WEIGHT = 1e6;

    private final PlaygroundLimits limits;
    private final StateCodec codec;
    /** The epochs a paced session's time has made due; see {@link #runSlice}. */
    private final Pacer pacer = new Pacer();

    private PlaygroundState state;
    private NetworkSpec spec;
    private DataSplit split;
    private Samples train, test;
    private Network net;
    private Trainer trainer;
    /** TF's generator, continuing after the initial weights. */
    private SeedRandom random;

    private long epoch, pendingEpochs, version, dataVersion;
    private boolean playing;
    private String diverged;
    private PauseNotice pauseNotice;
    private Msg divergedMsg;
    private final TrainingClock clock;
    /** Progress toward the state's goal, or null without one. */
    private GoalProgress goal;
    /** The moment the goal was met (for a class board), or null; cleared with the goal's progress. */
    private GoalReached reached;
    /** The scheduler's wake-up; set and cleared from its threads, read by whoever sends a command. */
    private volatile Runnable listener = () -> {};

    /** {@code nanos} is the training clock's time source ({@link System#nanoTime} but in tests). */
    public TrainingSession(PlaygroundState state, PlaygroundLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.codec = new StateCodec(limits);
        this.clock = new TrainingClock(nanos);
        start(state);
    }

    public TrainingSession(PlaygroundState state, PlaygroundLimits limits) {
        this(state, limits, System::nanoTime);
    }

    public TrainingSession(PlaygroundState state) {
        this(state, PlaygroundLimits.defaults());
    }

    /** The codec this session validates with (its limits are the session's). */
    public StateCodec codec() {
        return codec;
    }

    public synchronized PlaygroundState state() {
        return state;
    }

    public synchronized SessionStatus status() {
        return new SessionStatus(playing, epoch, pendingEpochs, diverged, dataVersion);
    }

    public synchronized long epoch() {
        return epoch;
    }

    /** What the session made of its state: the batch in effect, the training points, the output layer's activation. */
    public synchronized Derived derived() {
        Activation[] activations = spec.activations();
        return new Derived(
                state.batchSize(),
                trainer.hyperparameters().batchSize(),
                train.count(),
                test.count(),
                state.hasCustomPoints(),
                activations[activations.length - 1],
                state.autoOutputActivation(),
                state.allowedLosses(),
                state.allowedOutputActivations(),
                limits.maxNeuronsFor(state),
                limits.maxHiddenLayers(),
                NotApplying.of(state),
                Locks.effective(state));
    }

    /** A copy of the network as it is now. */
    public synchronized Network network() {
        return net.copy();
    }

    /** The run as it stands, for an export that rebuilds it: the network now, the encoded rows, the hyperparameters in effect. */
    public synchronized RunSetup runSetup() {
        return new RunSetup(state, net.copy(), spec.inputs().names(), train, test, trainer.hyperparameters());
    }

    /** The points trained and tested on (for the page to draw; {@link SessionStatus#dataVersion} says when they change). */
    public synchronized DataSplit data() {
        return split;
    }

    // ---- commands -------------------------------------------------------------------------

    /**
     * {@code config}: a whole new state, read leniently (warnings); starts over, paused. An exercise's
     * lock outlives it ({@link Locks#keep}): refused only when the new values cannot train with the locked ones.
     */
    public Parsed configure(Map<String, ?> values) {
        return configure(values, null);
    }

    /**
     * {@code config} with a {@code resume} (or null): the new state, then the page's own epoch and
     * parameters instead of epoch 0 and the seed's draw, bit for bit. Refused, changing nothing, when
     * the parameters do not fit the state's network or the exercise locks the weights. The optimizer's
     * state starts afresh, as after a rebuild, and so does the goal's progress (from the resumed epoch).
     */
    public Parsed configure(Map<String, ?> values, Resume resume) {
        Parsed parsed = codec.parse(values);
        synchronized (this) {
            Locks.Kept kept = Locks.keep(state, parsed, limits);
            if (!kept.errors().isEmpty()) throw new Refusal(kept.errors().get(0));
            parsed = kept.parsed();
            if (resume != null) checkResume(parsed.state(), resume);
            start(parsed.state());
            if (resume != null) {
                System.arraycopy(resume.weights(), 0, net.params, 0, net.params.length);
                epoch = resume.epoch();
                clearGoal(state);
                version++;
            }
        }
        listener.run();
        return parsed;
    }

    private static void checkResume(PlaygroundState s, Resume resume) {
        if (Locks.weightsLocked(s)) throw new Refusal(Locks.weightsRefusal("resume"));
        if (resume.weights().length != s.parameterCount()) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "weights",
                    Msg.of("session.resumeCount", "count", resume.weights().length, "expected", s.parameterCount()));
        }
    }

    /** Starts over from {@code next}: its data, its seed's initial weights, epoch 0, paused. */
    public void configure(PlaygroundState next) {
        synchronized (this) {
            start(next);
        }
        listener.run();
    }

    /** {@code set}: a partial state applied live; refused as a whole (and nothing changes) on any error. */
    public Update set(Map<String, ?> changes) {
        Update update;
        synchronized (this) {
            update = codec.apply(state, changes);
            if (!update.accepted() || update.changed().isEmpty()) return update;
            applyLive(update.state());
        }
        listener.run();
        return update;
    }

    public void play() {
        synchronized (this) {
            refuseIfDiverged("play");
            if (!playing) pacer.stop(); // the time paused earns no epochs
            playing = true;
            clock.start();
            version++;
        }
        listener.run();
    }

    public void pause() {
        synchronized (this) {
            playing = false;
            pendingEpochs = 0;
            clock.stop();
            version++;
        }
        listener.run();
    }

    /** {@code step}: pauses, then trains {@code epochs} more (1..limit) on the scheduler's threads. */
    public void step(int epochs) {
        synchronized (this) {
            if (epochs < 1 || epochs > limits.maxStepEpochs()) {
                throw new Refusal(
                        FieldError.BAD_VALUE,
                        "epochs",
                        Msg.of("session.stepEpochs", "max", limits.maxStepEpochs(), "value", epochs));
            }
            refuseIfDiverged("step");
            playing = false;
            pendingEpochs = Math.min(pendingEpochs + epochs, limits.maxStepEpochs());
            clock.start();
            version++;
        }
        listener.run();
    }

    /** Back to the seed's initial weights and epoch 0, paused (as TF's reset button), and out of divergence. */
    public void reset() {
        synchronized (this) {
            start(state);
        }
        listener.run();
    }

    /**
     * New data, same weights: a new seed drawn from the session's generator as TF Playground draws
     * one ({@code Math.random().toFixed(5)}), so the state (and the share link) names the data.
     * A later reset starts from that seed's initial weights, as in TF.
     */
    public PlaygroundState regenerate() {
        PlaygroundState next;
        synchronized (this) {
            if (state.lock().contains("seed"))
                throw new Refusal(FieldError.LOCKED, "seed", Msg.of("state.locked", "key", "seed"));
            next = state.withSeed(toFixed5(random.nextDouble()));
            applyLive(next);
        }
        listener.run();
        return next;
    }

    /** One weight, as clicking a link and typing a value does: layer l's link from neuron {@code from} to {@code to}. */
    public void setWeight(int layer, int to, int from, double value) {
        synchronized (this) {
            checkNeuron(layer, to);
            if (from < 0 || from >= net.layout.in(layer)) {
                throw new Refusal(
                        FieldError.BAD_VALUE,
                        "from",
                        Msg.of("session.badFrom", "layer", layer, "last", net.layout.in(layer) - 1, "value", from));
            }
            checkValue(value);
            refuseIfWeightsLocked();
            net.setWeight(layer, to, from, value);
            version++;
        }
        listener.run();
    }

    /** One bias: neuron {@code neuron} of weight layer {@code layer}. */
    public void setBias(int layer, int neuron, double value) {
        synchronized (this) {
            checkNeuron(layer, neuron);
            checkValue(value);
            refuseIfWeightsLocked();
            net.setBias(layer, neuron, value);
            version++;
        }
        listener.run();
    }

    // ---- a person's own points ----------------------------------------------------------

    /** removePoint finds the nearest point within this fraction of the domain's side: 0.5 on TF's [−6, 6]. */
    static final double REMOVE_RADIUS = 1.0 / 24;
    /** The error code of a removePoint with no point near enough, and of an addPoint over the cap. */
    public static final String NO_POINT = "no_point", TOO_MANY_POINTS = "too_many_points";

    /**
     * {@code addPoint}: one more training point at (x, y), labelled as the {@code data} message labels
     * points (−1 or +1 for two classes, 0…K−1 for K classes, a value in [−2, 2] for regression). The
     * first point on a data set's own points starts a set of the person's own from them. Training
     * goes on; the state's {@code points} say the new set (refused, changing nothing, when the data
     * are locked, not 2-D, full, or the point is outside the map or of no class).
     */
    public Update addPoint(double x, double y, double label) {
        return editPoints((current, d) -> {
            checkOnMap(x, y, d);
            checkLabel(label);
            if (current.size() >= CustomPoints.MAX_POINTS) {
                throw new Refusal(
                        TOO_MANY_POINTS, null, Msg.of("session.tooManyPoints", "max", CustomPoints.MAX_POINTS));
            }
            return current.with(x, y, label, d, state.task());
        });
    }

    /** {@code removePoint}: the point (train or test) nearest (x, y) within 1/24 of the map's side goes; refused when none is that near. */
    public Update removePoint(double x, double y) {
        return editPoints((current, d) -> {
            checkOnMap(x, y, d);
            double radius = (d.max() - d.min()) * REMOVE_RADIUS;
            int index = current.nearest(x, y, radius, d);
            if (index < 0) {
                throw new Refusal(
                        NO_POINT,
                        null,
                        Msg.of("session.noPointNear", "x", plain(x), "y", plain(y), "radius", plain(radius)));
            }
            return current.without(index);
        });
    }

    /** {@code clearPoints}: a set of the person's own with no points, to draw on from scratch. */
    public Update clearPoints() {
        return editPoints((current, d) -> CustomPoints.empty(CustomPoints.Kind.of(state.task())));
    }

    /** One edit of the person's points under the session's lock (refused, changing nothing, where editablePoints is), then the listener. */
    private Update editPoints(java.util.function.BiFunction<CustomPoints, Domain, CustomPoints> edit) {
        Update u;
        synchronized (this) {
            CustomPoints current = editablePoints();
            u = applyPoints(edit.apply(current, split.dataset().domain()));
        }
        listener.run();
        return u;
    }

    private static void checkOnMap(double x, double y, Domain d) {
        checkInDomain("x", x, d);
        checkInDomain("y", y, d);
    }

    /**
     * The stored data set {@code id} holds these points: the state names it, so its link is short
     * (nothing else changes); ignored when the session's points are no longer these.
     */
    public synchronized void nameData(CustomPoints points, String id) {
        if (state.points() != null
                && state.points().equals(points)
                && state.data().isEmpty()) {
            state = state.withData(id);
        }
    }

    /** The points to edit: the person's own, or the data set's as a set of their own; refused when locked or not 2-D. */
    private CustomPoints editablePoints() {
        if (state.lock().contains("points")) {
            throw new Refusal(FieldError.LOCKED, "points", Msg.of("state.locked", "key", "points"));
        }
        if (!state.isTwoDimensional()) {
            throw new Refusal(
                    FieldError.CONFLICT,
                    "dataset",
                    Msg.of("state.pointsNoMap", "dataset", state.activeDataset().urlName()));
        }
        return state.points() != null ? state.points() : CustomPoints.of(split.dataset(), split.train(), split.test());
    }

    /** The new points as a {@code set} of the key would apply them (the codec's checks, its dependent changes). */
    private Update applyPoints(CustomPoints next) {
        Update u = codec.apply(state, Map.of("points", next.text()));
        if (!u.accepted()) throw new Refusal(u.errors().get(0));
        if (!u.changed().isEmpty()) applyLive(u.state());
        return u;
    }

    private static void checkInDomain(String field, double v, Domain d) {
        if (!(v >= d.min() && v <= d.max())) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    field,
                    Msg.of(
                            "session.outsideMap",
                            "field",
                            field,
                            "min",
                            plain(d.min()),
                            "max",
                            plain(d.max()),
                            "value",
                            plain(v)));
        }
    }

    private void checkLabel(double label) {
        ProblemKind task = state.task();
        boolean ok = switch (task) {
            case BINARY -> label == -1 || label == 1;
            case MULTICLASS -> label == Math.rint(label) && label >= 0 && label < state.classes();
            case REGRESSION -> label >= CustomPoints.MIN_VALUE && label <= CustomPoints.MAX_VALUE;
        };
        if (ok) return;
        Msg why = switch (task) {
            case BINARY -> Msg.of("session.labelBinary", "value", plain(label));
            case MULTICLASS -> Msg.of("session.labelClass", "last", state.classes() - 1, "value", plain(label));
            case REGRESSION ->
                Msg.of(
                        "session.labelValue",
                        "min",
                        plain(CustomPoints.MIN_VALUE),
                        "max",
                        plain(CustomPoints.MAX_VALUE),
                        "value",
                        plain(label));
        };
        throw new Refusal(FieldError.BAD_VALUE, "label", why);
    }

    /** A number as a person writes it: 3 decimals at most, no ".0" on a whole one. */
    private static String plain(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? String.valueOf((long) r) : String.valueOf(r);
    }

    // ---- the backprop view ----------------------------------------------------------------

    /** Samples a gradient check takes from the training set, at most. */
    public static final int GRADCHECK_SAMPLES = 64;
    /**
     * Work a gradient check may do, counted as POST /api/backprop counts it: samples × params ×
     * (params + 64), two passes over the samples per parameter. Larger networks check fewer samples.
     */
    static final long GRADCHECK_MAX_WORK = 500_000_000L;

    /** {@code inspect} of training or test point {@code index}: forward and backward with the weights as they are. */
    public synchronized Inspection inspect(String which, int index) {
        List<Point> points = switch (which) {
            case "train" -> split.train();
            case "test" -> split.test();
            default -> throw new Refusal(FieldError.BAD_VALUE, "split", Msg.of("session.badSplit", "value", which));
        };
        if (index < 0 || index >= points.size()) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "index",
                    Msg.of("session.badIndex", "split", which, "last", points.size() - 1, "value", index));
        }
        Samples row = TrainingData.encode(List.of(points.get(index)), spec);
        return Inspection.of(
                net,
                epoch,
                which,
                index,
                row.inputs(),
                points.get(index).coords(),
                row.targets(),
                state.learningRate());
    }

    /** {@code inspect} of a sample the client sent: the network's input vector and the encoded target. */
    public synchronized Inspection inspect(double[] input, double[] target) {
        if (input.length != net.layout.inputs()) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "input",
                    Msg.of(
                            "session.badInput",
                            "count",
                            net.layout.inputs(),
                            "names",
                            String.join(", ", spec.inputs().names()),
                            "value",
                            input.length));
        }
        if (target.length != net.layout.outputs()) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "target",
                    Msg.of("session.badTarget", "count", net.layout.outputs(), "value", target.length));
        }
        return Inspection.of(net, epoch, null, -1, input.clone(), null, target.clone(), state.learningRate());
    }

    /** What a gradient check runs on: a copy of the network and the first training samples, taken under the lock. */
    public record GradcheckInput(Network network, Samples samples, Regularization regularization, double rate) {}

    public synchronized GradcheckInput gradcheckInput() {
        long params = net.layout.numParams();
        long affordable = GRADCHECK_MAX_WORK / (params * (params + 64));
        if (affordable < 1) {
            throw new Refusal(FieldError.BAD_VALUE, null, Msg.of("session.gradcheckTooBig", "count", params));
        }
        int n = (int) Math.min(Math.min(GRADCHECK_SAMPLES, train.count()), affordable);
        if (n == 0) throw new Refusal(FieldError.BAD_VALUE, null, Msg.of("session.gradcheckEmpty"));
        Samples first = new Samples(
                Arrays.copyOf(train.inputs(), n * train.inputWidth()),
                Arrays.copyOf(train.targets(), n * train.targetWidth()),
                n,
                train.inputWidth(),
                train.targetWidth());
        return new GradcheckInput(net.copy(), first, state.regularization(), state.regularizationRate());
    }

    // ---- training -------------------------------------------------------------------------

    /** Trains up to {@code epochs} epochs now, on the caller's thread, whether playing or not; stops at divergence. */
    public synchronized int runEpochs(int epochs) {
        int done = 0;
        while (done < epochs && diverged == null) {
            trainOne();
            done++;
        }
        return done;
    }

    /**
     * The scheduler's turn at time {@code now}: a step's epochs now, then while playing as many as the
     * speed has made due (all it can until the deadline at {@code max}); at least one epoch when any
     * is due, none when a paced session is ahead of its time.
     */
    synchronized int runSlice(long now, long deadlineNanos) {
        int done = 0;
        while (pendingEpochs > 0 && diverged == null) { // a step is not paced
            trainOne();
            done++;
            if (pendingEpochs > 0 && --pendingEpochs == 0 && !playing)
                clock.stop(); // a spent budget zeroes it mid-step
            if (System.nanoTime() >= deadlineNanos) return done;
        }
        if (!playing || diverged != null) return done;
        boolean paced = state.speed().paced();
        long due = paced ? pacer.due(now, state.speed()) : Long.MAX_VALUE;
        int played = 0;
        while (played < due && playing && diverged == null) { // a spent goal budget pauses mid-turn
            trainOne();
            played++;
            if (System.nanoTime() >= deadlineNanos) break;
        }
        if (paced) pacer.spend(played);
        return done + played;
    }

    /** When this session next has training to do: 0 now, else in that many nanoseconds; -1 when it has none. */
    synchronized long nanosUntilTraining(long now) {
        if (!wantsTraining()) return -1;
        if (pendingEpochs > 0 || !state.speed().paced()) return 0;
        return pacer.nanosUntilDue(now, state.speed());
    }

    synchronized boolean wantsTraining() {
        return diverged == null && (playing || pendingEpochs > 0);
    }

    /** Changes whenever a frame would show something new. */
    synchronized long version() {
        return version;
    }

    /** Why the session paused itself since the last call, or null. */
    synchronized PauseNotice takePauseNotice() {
        PauseNotice notice = pauseNotice;
        pauseNotice = null;
        return notice;
    }

    void setListener(Runnable next) {
        listener = next == null ? () -> {} : next;
    }

    /** Everything a frame shows, losses and accuracies measured now. */
    public synchronized FrameSnapshot snapshot() {
        boolean classification = state.task() != ProblemKind.REGRESSION;
        Evaluation.Score[] scores =
                Passes.lend(net.layout, pass -> Evaluation.scores(net, pass, classification, train, test));
        Evaluation.Score tr = scores[0], te = scores[1];
        if (diverged == null && !(Double.isFinite(tr.loss()) && Double.isFinite(te.loss()))) diverge();
        if (goal != null) {
            Goal g = goal.goal();
            Evaluation.Score score = g.metric().onTrainingSet() ? tr : te;
            recordGoal(g.metric().isAccuracy() ? score.accuracy() : score.loss());
        }
        return new FrameSnapshot(
                version,
                epoch,
                dataVersion,
                tr.loss(),
                te.loss(),
                tr.accuracy(),
                te.accuracy(),
                playing,
                diverged,
                net.copy(),
                spec.inputs().features(),
                split.dataset().domain(),
                trainer.epochGradient(),
                trainer.updateRatio(),
                predictions(),
                goalView());
    }

    /**
     * What a class board shows of this session, as the last frame or check left it (nothing is
     * measured here): its epoch, state, goal progress and the moment the goal was met.
     */
    public synchronized BoardView boardView() {
        return new BoardView(epoch, state, goalView(), reached);
    }

    /** A copy of the network with what its output map needs (for {@link Thumbnail}). */
    public synchronized MapView mapView() {
        return new MapView(net.copy(), spec.inputs().features(), split.dataset().domain());
    }

    /** The goal's progress measured now (what a {@code state} message carries), or null without a goal. */
    public synchronized GoalView goal() {
        if (goal == null) return null;
        recordGoal(measureGoal());
        return goalView();
    }

    private GoalView goalView() {
        return goal == null ? null : goal.view();
    }

    /** The goal's metric now, on the one set it names (loss alone unless it is an accuracy). */
    private double measureGoal() {
        Goal.Metric m = goal.goal().metric();
        Samples set = m.onTrainingSet() ? train : test;
        Evaluation.Score score = Passes.lend(net.layout, pass -> Evaluation.scores(net, pass, m.isAccuracy(), set))[0];
        return m.isAccuracy() ? score.accuracy() : score.loss();
    }

    /** One measurement of the goal; the one that spends its budget pauses the session. */
    private void recordGoal(double value) {
        boolean wasMet = goal.met();
        boolean spent = goal.record(epoch, clock.seconds(), value);
        // once per goal: the weights it was met with, for a board's "open this run"
        if (!wasMet && goal.met()) reached = new GoalReached(epoch, clock.seconds(), state, net.params.clone());
        if (!spent) return;
        GoalView v = goal.view();
        pauseNotice = new PauseNotice(GoalWords.budgetSpentNotice(v));
        playing = false;
        pendingEpochs = 0;
        clock.stop();
        version++;
    }

    /** Regression: at most 100 test points' [actual, predicted]; K classes: 8 test points' [label, p0..pK−1]. */
    static final int REGRESSION_PREDICTIONS = 100, CLASS_PREDICTIONS = 8;

    /** For a set that is not 2-D (no grids to draw), the first test points' targets and outputs; else null. */
    private double[][] predictions() {
        if (spec.inputs().features() != null) return null;
        boolean regression = state.task() == ProblemKind.REGRESSION;
        List<Point> points = split.test();
        int n = Math.min(points.size(), regression ? REGRESSION_PREDICTIONS : CLASS_PREDICTIONS);
        if (n == 0) return new double[0][];
        Samples rows = TrainingData.encode(points.subList(0, n), spec);
        Pass pass = new Pass(net.layout, n);
        pass.forward(net, rows.inputs(), 0, n);
        int K = net.layout.outputs();
        double[][] out = new double[n][K + 1];
        for (int r = 0; r < n; r++) {
            out[r][0] = points.get(r).label();
            for (int k = 0; k < K; k++) out[r][k + 1] = pass.output(r, k);
        }
        return out;
    }

    private void trainOne() {
        trainer.trainEpoch(train);
        epoch++;
        version++;
        if (!net.isFinite()) diverge();
        // exact to the epoch at any speed; a met or spent goal needs no more checks
        else if (goal != null && goal.open()) recordGoal(measureGoal());
    }

    private void diverge() {
        divergedMsg = Msg.of(
                "session.diverged", "epoch", epoch, "rate", codec.toMap(state).get("learningRate"));
        pauseNotice = new PauseNotice(divergedMsg);
        diverged = pauseNotice.message();
        playing = false;
        pendingEpochs = 0;
        clock.stop();
        version++;
    }

    // ---- building -------------------------------------------------------------------------

    /** TF's order: seed, generate, shuffle, split, then the initial weights from the same generator. */
    private void start(PlaygroundState s) {
        state = s;
        spec = NetworkSpec.of(s);
        SharedData.Data data = SharedData.data(s);
        random = data.next();
        split = data.split();
        int[] sizes = spec.sizes();
        net = Network.create(
                sizes, s.activation(), spec.activations()[sizes.length - 2], spec.loss(), spec.init(), random);
        // a URL's own initial parameters (a tutorial's worked example); the codec has checked their count
        if (s.weights().size() == net.params.length) {
            for (int i = 0; i < net.params.length; i++)
                net.params[i] = s.weights().get(i);
        }
        SharedData.Rows rows = SharedData.rows(s, split, spec);
        train = rows.train();
        test = rows.test();
        trainer = new Trainer(net, s.hyperparameters().forTrainingSet(train.count()));
        epoch = 0;
        pendingEpochs = 0;
        playing = false;
        diverged = null;
        pauseNotice = null;
        clock.clear();
        clearGoal(s);
        dataVersion++;
        version++;
    }

    /** A live change: new data if the data keys changed, the network mapped if its spec changed, hyperparameters always. */
    private void applyLive(PlaygroundState next) {
        PlaygroundState prev = state;
        NetworkSpec nextSpec = NetworkSpec.of(next);
        boolean newData = prev.activeDataset() != next.activeDataset()
                || prev.noise() != next.noise()
                || prev.percTrainData() != next.percTrainData()
                || !prev.seed().equals(next.seed())
                || prev.classes() != next.classes()
                || !Objects.equals(prev.points(), next.points());
        boolean newNetwork = !nextSpec.sameNetwork(spec);
        state = next;
        if (newData) {
            // a fresh generator: data come first in the stream, so these are the points a new session would get
            split = SharedData.data(next).split();
            dataVersion++;
        }
        // the batch in effect follows the training set's size (seed-xor's 4 points at batch 10 train with 4)
        Hyperparameters hyper =
                next.hyperparameters().forTrainingSet(split.train().size());
        if (newNetwork) {
            Init init = nextSpec.init();
            DoubleSupplier weight = init == Init.ZERO ? () -> 0 : () -> NEW_WEIGHT_SCALE * (random.nextDouble() - 0.5);
            net = Reshape.apply(
                    net,
                    nextSpec.sizes(),
                    nextSpec.inputs().sourcesIn(spec.inputs()),
                    nextSpec.activations(),
                    nextSpec.loss(),
                    weight,
                    () -> 0);
            trainer = new Trainer(net, hyper);
        } else {
            trainer.setHyperparameters(hyper);
        }
        if (newData || newNetwork || nextSpec.encoding() != spec.encoding()) {
            SharedData.Rows rows = SharedData.rows(next, split, nextSpec);
            train = rows.train();
            test = rows.test();
        }
        spec = nextSpec;
        if (!Objects.equals(prev.goal(), next.goal()) || prev.goalEpochs() != next.goalEpochs()) clearGoal(next);
        version++;
    }

    private void clearGoal(PlaygroundState s) {
        goal = freshGoal(s);
        reached = null;
    }

    /** Progress toward {@code s}'s goal from now (this epoch, this training second), or null without a goal. */
    private GoalProgress freshGoal(PlaygroundState s) {
        return s.goal() == null ? null : new GoalProgress(s.goal(), s.goalEpochs(), epoch, clock.seconds());
    }

    private void refuseIfDiverged(String command) {
        if (diverged != null) {
            throw new Refusal(
                    Refusal.DIVERGED, null, Msg.of("session.cannot", "command", command, "reason", divergedMsg));
        }
    }

    private void refuseIfWeightsLocked() {
        if (Locks.weightsLocked(state)) throw new Refusal(Locks.weightsRefusal("setWeight"));
    }

    private void checkNeuron(int layer, int neuron) {
        if (layer < 0 || layer >= net.layout.layers()) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "layer",
                    Msg.of("session.badLayer", "last", net.layout.layers() - 1, "value", layer));
        }
        if (neuron < 0 || neuron >= net.layout.out(layer)) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "to",
                    Msg.of("session.badNeuron", "layer", layer, "last", net.layout.out(layer) - 1, "value", neuron));
        }
    }

    private static void checkValue(double value) {
        if (!(Math.abs(value) <= MAX_EDITED_WEIGHT)) {
            throw new Refusal(
                    FieldError.BAD_VALUE,
                    "value",
                    Msg.of("session.badWeight", "max", (long) MAX_EDITED_WEIGHT, "value", value));
        }
    }

    /** JavaScript's {@code x.toFixed(5)} for 0 ≤ x < 1: the exact value rounded half up. */
    static String toFixed5(double x) {
        return new BigDecimal(x).setScale(5, RoundingMode.HALF_UP).toPlainString();
    }
}
