package dev.mitosis.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mitosis.io.BadInputException;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.LayerSnapshot;
import dev.mitosis.run.Method;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.model.TrainingRecord;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.train.EpochMetrics;
import dev.mitosis.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run on disk: {@value #DATABASE} (SQLite in WAL mode) with the run's config, its candidates, the
 * per-round neuron statistics and per-epoch metrics, and one model directory per candidate under
 * {@value #MODELS}. The tables and their columns are described in docs/formats.md.
 *
 * <p>Crash safety: a candidate's model directory is written completely (staging directory, then
 * rename) before its row is inserted, and the row is the commit point. Reopening a run removes model
 * directories without a row; the growth session, on resuming, removes the statistics and epochs of the
 * round that never stored a candidate. A run killed at any moment thus reopens consistent and resumes
 * after its last stored round.
 *
 * <p>One writer at a time: {@link #create} and {@link #openForWriting} hold the run's lock
 * ({@code run.lock}, an OS file lock) until {@link #close}; a second writer, in this or another process,
 * is refused with one line naming the holder. Readers ({@link #open}) take no lock and change nothing,
 * so the explorer can show a run that the CLI is growing. Within a process the store is thread-safe (one
 * connection, synchronised methods).
 */
public final class RunStore implements AutoCloseable {

    public static final String DATABASE = "run.db";
    public static final String MODELS = "candidates";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Connection db;
    /** Held by a writer for the store's life; null for a reader. */
    private final RunLock lock;

    private RunStore(Path dir, Connection db, RunLock lock) {
        this.dir = dir;
        this.db = db;
        this.lock = lock;
    }

    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(DATABASE));
    }

    /** Creates a new run in {@code dir}, which must not exist or be empty, and holds it as its one writer. */
    public static RunStore create(Path dir, String configJson) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new BadInputException(dir + ": exists and is not empty; choose a new run directory"
                                + " or --resume this one");
                    }
                }
            }
            Files.createDirectories(dir.resolve(MODELS));
            RunLock lock = RunLock.acquire(dir);
            Connection c = connect(dir);
            try (Statement s = c.createStatement()) {
                createTables(s);
            } catch (SQLException e) {
                lock.close();
                throw new IllegalStateException(dir.resolve(DATABASE) + ": " + e.getMessage(), e);
            }
            RunStore store = new RunStore(dir, c, lock);
            store.transaction(() -> {
                store.update("INSERT INTO meta VALUES('schemaVersion', ?)", String.valueOf(SCHEMA_VERSION));
                store.update("INSERT INTO meta VALUES('state', ?)", RunState.GROWING.id());
                store.update("INSERT INTO config VALUES(1, ?)", configJson);
            });
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createTables(Statement s) throws SQLException {
        s.executeUpdate("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.executeUpdate("CREATE TABLE config(id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)");
        s.executeUpdate("CREATE TABLE candidates(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL,"
                + " round INTEGER NOT NULL, method TEXT NOT NULL, label TEXT NOT NULL, macs INTEGER NOT NULL,"
                + " params INTEGER NOT NULL, accuracy REAL NOT NULL, loss REAL NOT NULL, seconds REAL NOT NULL,"
                + " layer_keys TEXT NOT NULL, widths TEXT NOT NULL, model_dir TEXT NOT NULL,"
                + " created_at INTEGER NOT NULL)");
        s.executeUpdate("CREATE TABLE neuron_stats(round INTEGER NOT NULL, method TEXT NOT NULL,"
                + " layer_key TEXT NOT NULL, neuron INTEGER NOT NULL, lambda_min REAL NOT NULL, lambda_max REAL,"
                + " cost REAL NOT NULL, selected INTEGER NOT NULL)");
        s.executeUpdate("CREATE TABLE epoch_metrics(round INTEGER NOT NULL, method TEXT NOT NULL,"
                + " epoch INTEGER NOT NULL, train_loss REAL, train_accuracy REAL, test_loss REAL,"
                + " test_accuracy REAL, lr REAL, seconds REAL)");
        s.executeUpdate("CREATE INDEX neuron_stats_round ON neuron_stats(round, method)");
    }

    /**
     * Opens an existing run to read it. Readers never change the run, so they work while another
     * process writes it and see its new candidates as they are committed.
     */
    public static RunStore open(Path dir) {
        return open(dir, false);
    }

    /**
     * Opens an existing run to add to it (resume, baselines): takes the run's lock, or fails with one
     * line naming the process that holds it, and repairs what a crashed writer left half done.
     */
    public static RunStore openForWriting(Path dir) {
        return open(dir, true);
    }

    private static RunStore open(Path dir, boolean write) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such run directory");
        }
        if (!isRun(dir)) {
            throw new BadInputException(dir + ": not a run directory (no " + DATABASE + ")");
        }
        RunLock lock = write ? RunLock.acquire(dir) : null;
        RunStore store;
        try {
            store = new RunStore(dir, connect(dir), lock);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        int version;
        try {
            version = store.schemaVersion();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        if (version > SCHEMA_VERSION) {
            store.close();
            throw new BadInputException(dir.resolve(DATABASE) + ": schema version " + version
                    + " is newer than this Mitosis reads (" + SCHEMA_VERSION + ")");
        }
        if (write) {
            store.repair();
        }
        return store;
    }

    /** Whether a live process (this one included) writes the run in {@code dir} now: its lock is held. */
    public static boolean isLocked(Path dir) {
        return RunLock.isHeld(dir);
    }

    public boolean isWriter() {
        return lock != null;
    }

    /**
     * The run's state: what its last writer recorded, except that a run recorded as growing whose lock
     * no live process holds is {@link RunState#CRASHED}.
     */
    public synchronized RunState state() {
        RunState recorded = queryString("SELECT value FROM meta WHERE key = 'state'").map(RunState::of)
                .orElse(RunState.FINISHED);
        if (recorded == RunState.GROWING && lock == null && !RunLock.isHeld(dir)) {
            return RunState.CRASHED;
        }
        return recorded;
    }

    /** Records where the run stands (writers only). */
    public synchronized void markState(RunState state) {
        requireWriter();
        transaction(() -> update("INSERT OR REPLACE INTO meta VALUES('state', ?)", state.id()));
    }

    private void requireWriter() {
        if (lock == null) {
            throw new IllegalStateException(dir + ": opened for reading; open it for writing to change it");
        }
    }

    public Path directory() {
        return dir;
    }

    public synchronized String configJson() {
        return queryString("SELECT json FROM config WHERE id = 1").orElseThrow(() -> new BadInputException(
                dir.resolve(DATABASE) + ": the run has no stored config"));
    }

    /** Stores a finished candidate: the model first, then its row (the commit point). */
    public synchronized CandidateRecord addCandidate(long parentId, int round, Method method, String label, Model model,
                                                     double accuracy, double loss, double seconds,
                                                     Map<String, String> extraFiles) {
        requireWriter();
        long id = queryLong("SELECT COALESCE(MAX(id), 0) + 1 FROM candidates");
        String dirName = String.format("%04d-%s", id, label.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path modelDir = dir.resolve(MODELS).resolve(dirName);
        ModelDirectory.write(modelDir, model, extraFiles);
        List<String> keys = model.spec().topology().neuronLayers().stream().map(NeuronLayer::key).toList();
        List<Integer> widths = model.spec().topology().neuronLayers().stream().map(NeuronLayer::width).toList();
        CandidateRecord record = new CandidateRecord(id, parentId, round, method, label, model.spec().macs(),
                model.spec().params(), accuracy, loss, seconds, keys, widths, MODELS + "/" + dirName,
                System.currentTimeMillis());
        transaction(() -> update("INSERT INTO candidates VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", id, parentId, round,
                method.id(), label, record.macs(), record.params(), accuracy, loss, seconds, json(keys), json(widths),
                record.modelPath(), record.createdAt()));
        return record;
    }

    public synchronized List<CandidateRecord> candidates() {
        List<CandidateRecord> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM candidates ORDER BY id");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new CandidateRecord(r.getLong("id"), r.getLong("parent_id"), r.getInt("round"),
                        Method.of(r.getString("method"), dir.resolve(DATABASE) + ": candidate " + r.getLong("id")),
                        r.getString("label"), r.getLong("macs"), r.getLong("params"),
                        r.getDouble("accuracy"), r.getDouble("loss"), r.getDouble("seconds"),
                        JSON.readValue(r.getString("layer_keys"), new TypeReference<List<String>>() { }),
                        JSON.readValue(r.getString("widths"), new TypeReference<List<Integer>>() { }),
                        r.getString("model_dir"), r.getLong("created_at")));
            }
        } catch (SQLException | IOException e) {
            throw storeError(e);
        }
        return out;
    }

    /** The run's seed candidate, once stored. */
    public Optional<CandidateRecord> seedCandidate() {
        return candidates().stream().filter(c -> c.method() == Method.SEED).findFirst();
    }

    public Optional<CandidateRecord> candidate(long id) {
        return candidates().stream().filter(c -> c.id() == id).findFirst();
    }

    public Model loadModel(CandidateRecord candidate) {
        return ModelDirectory.read(dir.resolve(candidate.modelPath()));
    }

    /**
     * Every epoch of training behind a candidate's weights: its own (its training.json) and, while the
     * weights were inherited (fine-tuned methods), its ancestors' back to the seed or to a candidate
     * trained from scratch. A retrained candidate gets this budget from its grown twin.
     */
    public int lineageEpochs(CandidateRecord candidate) {
        int total = 0;
        CandidateRecord c = candidate;
        for (int hops = 0; c != null && hops < 100_000; hops++) {
            total += TrainingRecord.read(modelDirectory(c)).map(TrainingRecord::epochs).orElse(0);
            if (c.method().evaluation() != Method.Evaluation.FINE_TUNED || c.parentId() == 0) {
                break;
            }
            c = candidate(c.parentId()).orElse(null);
        }
        return total;
    }

    public Path modelDirectory(CandidateRecord candidate) {
        return dir.resolve(candidate.modelPath());
    }

    /** The per-neuron statistics of a round's probe, replacing any from an earlier attempt. */
    public synchronized void putNeuronStats(int round, Method method, List<LayerSnapshot> layers) {
        requireWriter();
        transaction(() -> {
            update("DELETE FROM neuron_stats WHERE round = ? AND method = ?", round, method.id());
            try (PreparedStatement p = db.prepareStatement("INSERT INTO neuron_stats VALUES(?,?,?,?,?,?,?,?)")) {
                for (LayerSnapshot l : layers) {
                    for (int j = 0; j < l.width(); j++) {
                        p.setInt(1, round);
                        p.setString(2, method.id());
                        p.setString(3, l.key());
                        p.setInt(4, j);
                        p.setDouble(5, l.lambdaMin()[j]);
                        if (l.lambdaMax().length > 0) {
                            p.setDouble(6, l.lambdaMax()[j]);
                        } else {
                            p.setNull(6, java.sql.Types.REAL);
                        }
                        p.setDouble(7, l.macCost());
                        p.setInt(8, l.selected()[j] ? 1 : 0);
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
        });
    }

    public synchronized List<LayerSnapshot> neuronStats(int round, Method method) {
        List<LayerSnapshot> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM neuron_stats WHERE round = ? AND method = ?"
                + " ORDER BY rowid")) {
            p.setInt(1, round);
            p.setString(2, method.id());
            try (ResultSet r = p.executeQuery()) {
                String key = null;
                List<double[]> rows = new ArrayList<>();
                long cost = 0;
                while (r.next()) {
                    String k = r.getString("layer_key");
                    if (!k.equals(key)) {
                        if (key != null) {
                            out.add(snapshot(key, rows, cost));
                        }
                        key = k;
                        rows = new ArrayList<>();
                    }
                    double max = r.getDouble("lambda_max");
                    rows.add(new double[] {r.getDouble("lambda_min"), r.wasNull() ? Double.NaN : max, r.getInt("selected")});
                    cost = (long) r.getDouble("cost");
                }
                if (key != null) {
                    out.add(snapshot(key, rows, cost));
                }
            }
        } catch (SQLException e) {
            throw storeError(e);
        }
        return out;
    }

    private static LayerSnapshot snapshot(String key, List<double[]> rows, long cost) {
        int n = rows.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] sel = new boolean[n];
        boolean hasMax = false;
        for (int j = 0; j < n; j++) {
            lo[j] = rows.get(j)[0];
            hi[j] = rows.get(j)[1];
            hasMax |= !Double.isNaN(hi[j]);
            sel[j] = rows.get(j)[2] != 0;
        }
        return new LayerSnapshot(key, lo, hasMax ? hi : new double[0], cost, sel);
    }

    public synchronized void addEpoch(int round, String stream, EpochMetrics m) {
        requireWriter();
        transaction(() -> update("INSERT INTO epoch_metrics VALUES(?,?,?,?,?,?,?,?,?)", round, stream, m.epoch(),
                m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.lr(), m.seconds()));
    }

    /**
     * The epochs of one training stream of a round. A stream is the method's id for growth rounds
     * ({@code split}, {@code split-retrained}) and the method's id with a tag for baselines
     * ({@code random-2}, {@code uniform-1.5}), so that several trainings of one round stay apart.
     */
    public synchronized List<EpochMetrics> epochs(int round, String stream) {
        List<EpochMetrics> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM epoch_metrics WHERE round = ? AND method = ?"
                + " ORDER BY epoch")) {
            p.setInt(1, round);
            p.setString(2, stream);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new EpochMetrics(r.getInt("epoch"), r.getDouble("train_loss"), r.getDouble("train_accuracy"),
                            r.getDouble("test_loss"), r.getDouble("test_accuracy"), r.getDouble("lr"),
                            r.getDouble("seconds"), 0));
                }
            }
        } catch (SQLException e) {
            throw storeError(e);
        }
        return out;
    }

    /** Forgets the epochs of one round's fine-tuning (a rolled-back attempt). */
    public synchronized void discardEpochs(int round, String stream) {
        requireWriter();
        transaction(() -> update("DELETE FROM epoch_metrics WHERE round = ? AND method = ?", round, stream));
    }

    /** Removes what an interrupted round of {@code method} left: metrics of rounds after {@code lastRound}. */
    public synchronized void discardRoundsAfter(Method method, int lastRound) {
        requireWriter();
        transaction(() -> {
            update("DELETE FROM neuron_stats WHERE method = ? AND round > ?", method.id(), lastRound);
            update("DELETE FROM epoch_metrics WHERE method = ? AND round > ?", method.id(), lastRound);
        });
    }

    private int schemaVersion() {
        try {
            return queryString("SELECT value FROM meta WHERE key = 'schemaVersion'").map(Integer::parseInt)
                    .orElseThrow(() -> new BadInputException(dir.resolve(DATABASE) + ": no schema version"));
        } catch (RuntimeException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            throw new BadInputException(dir.resolve(DATABASE) + ": not a Mitosis run database (" + e.getMessage() + ")");
        }
    }

    /** Deletes model directories that have no row (a crash between write and commit) and staging leftovers. */
    private void repair() {
        Set<String> referenced = new HashSet<>();
        for (CandidateRecord c : candidates()) {
            referenced.add(dir.resolve(c.modelPath()).getFileName().toString());
        }
        Path models = dir.resolve(MODELS);
        if (!Files.isDirectory(models)) {
            return;
        }
        try (Stream<Path> entries = Files.list(models)) {
            for (Path p : entries.toList()) {
                if (!referenced.contains(p.getFileName().toString())) {
                    AtomicFiles.deleteRecursively(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connect(Path dir) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DATABASE).toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return c;
        } catch (SQLException e) {
            throw new BadInputException(dir.resolve(DATABASE) + ": cannot open (" + e.getMessage() + ")");
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private void transaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storeError(e);
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    private long queryLong(String sql) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw storeError(e);
        }
    }

    private Optional<String> queryString(String sql) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw storeError(e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuntimeException storeError(Exception e) {
        return new IllegalStateException(dir.resolve(DATABASE) + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw storeError(e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
