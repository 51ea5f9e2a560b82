package dev.mitosis.app.workspace;

import dev.mitosis.model.Model;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.run.Frontier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the explorer shows, as observables for the views: the open {@link Document}, its candidate
 * rows (plus the unsaved {@link Draft}, first), the selected row (what the layer graph shows and edits),
 * undo/redo state and the MAC budget. FX thread only; background work hands it finished snapshots.
 *
 * <p>Editing the selected network never changes a stored candidate: the first edit starts a draft from
 * it, and later edits, undo and redo move through the draft's history. A new draft replaces the old
 * one.
 */
public final class Workspace {

    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final List<CandidateEntry> stored = new ArrayList<>();
    private final ObservableList<CandidateEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<CandidateEntry> rowsView = FXCollections.unmodifiableObservableList(rows);
    private Draft draft;
    private final ObjectProperty<CandidateEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<CandidateEntry> compared = new SimpleObjectProperty<>(this, "compared");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper editNote = new ReadOnlyStringWrapper(this, "editNote", "");
    private final DoubleProperty budget = new SimpleDoubleProperty(this, "budget", Double.NaN);

    public Workspace() {
        selected.addListener((o, was, now) -> defaultComparison());
    }

    /** Replaces what is open; closes the previous document unless it is the same one. */
    public void open(Documents.Opened opened) {
        Document previous = document.get();
        document.set(opened.document());
        if (previous != null && previous != opened.document()) {
            previous.close();
        }
        stored.clear();
        stored.addAll(opened.entries());
        draft = null;
        compared.set(null);
        refreshRows();
        long most = stored.stream().mapToLong(CandidateEntry::macs).max().orElse(0);
        // An empty run has no MACs to budget; 0 would draw a budget line at the origin.
        budget.set(stored.isEmpty() ? Double.NaN : most);
        selected.set(Frontier.bestUnder(stored, most).orElse(stored.isEmpty() ? null : stored.get(stored.size() - 1)));
        // The listener misses a selection equal to the last one (the same run opened again).
        defaultComparison();
    }

    /**
     * Adds a candidate a running growth just stored. A budget still at the largest candidate's MACs
     * (never moved by the user) follows the run's growth.
     */
    public void addCandidate(CandidateEntry entry) {
        long most = stored.stream().mapToLong(CandidateEntry::macs).max().orElse(0);
        boolean follow = !(budget.get() < most);
        stored.removeIf(e -> e.id() == entry.id());
        stored.add(entry);
        if (follow) {
            budget.set(Math.max(most, entry.macs()));
        }
        refreshRows();
    }

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public Document document() {
        return document.get();
    }

    /** Candidate rows: the draft (if any) first, then stored candidates in id order. Read-only. */
    public ObservableList<CandidateEntry> candidates() {
        return rowsView;
    }

    /** Stored candidates only. */
    public List<CandidateEntry> stored() {
        return List.copyOf(stored);
    }

    public ObjectProperty<CandidateEntry> selectedProperty() {
        return selected;
    }

    public CandidateEntry selected() {
        return selected.get();
    }

    /**
     * The candidate the selected one is compared with (per-layer widths, frontier ring B); may be null.
     * Set by the user; follows the selection otherwise (see {@link #defaultComparison}).
     */
    public ObjectProperty<CandidateEntry> comparedProperty() {
        return compared;
    }

    public Optional<Draft> draft() {
        return Optional.ofNullable(draft);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Unsaved edit of #1 …: re-initialised blocks.3.pw, …", or empty without a changed draft. */
    public ReadOnlyStringProperty editNoteProperty() {
        return editNote.getReadOnlyProperty();
    }

    /** The MAC budget of the slider; NaN before anything is open. */
    public DoubleProperty budgetProperty() {
        return budget;
    }

    /**
     * Applies an edit to the selected network. Returns the reason when the edit is refused (the result
     * is not a valid network); then nothing changes.
     */
    public Optional<String> edit(UnaryOperator<SpecState> change) {
        CandidateEntry sel = selected.get();
        if (sel == null) {
            return Optional.of("select a network to edit first");
        }
        Draft d = sel.draft() ? draft : null;
        SpecState from = d != null ? d.state() : SpecState.of(sel.spec());
        SpecState next;
        try {
            next = change.apply(from);
        } catch (IllegalArgumentException e) { // InvalidSpecException included
            return Optional.of(e.getMessage());
        }
        if (next.spec().equals(from.spec()) && next.origins().equals(from.origins())) {
            return Optional.empty();
        }
        if (d == null) {
            d = new Draft(sel);
            draft = d;
        }
        d.history().push(next);
        showDraft();
        return Optional.empty();
    }

    public boolean undo() {
        Draft d = draft;
        if (d == null || !d.history().undo()) {
            return false;
        }
        showDraft();
        return true;
    }

    public boolean redo() {
        Draft d = draft;
        if (d == null || !d.history().redo()) {
            return false;
        }
        showDraft();
        return true;
    }

    /** The stored candidate {@code entry} was grown or edited from, if it is in this document. */
    private Optional<CandidateEntry> parentOf(CandidateEntry entry) {
        if (entry == null || entry.record().parentId() == 0) {
            return Optional.empty();
        }
        long parent = entry.record().parentId();
        return stored.stream().filter(e -> e.id() == parent).findFirst();
    }

    /**
     * Neurons added to each splittable layer from the parent to {@code entry} (layer key → count, only
     * layers that grew): the neurons split in the round that produced it. Empty for seeds and drafts.
     */
    public Map<String, Integer> splitCounts(CandidateEntry entry) {
        Optional<CandidateEntry> parent = entry == null || entry.draft() ? Optional.empty() : parentOf(entry);
        if (parent.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> before = new HashMap<>();
        List<String> pk = parent.get().record().layerKeys();
        for (int i = 0; i < pk.size(); i++) {
            before.put(pk.get(i), parent.get().record().widths().get(i));
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        List<String> keys = entry.record().layerKeys();
        for (int i = 0; i < keys.size(); i++) {
            int delta = entry.record().widths().get(i) - before.getOrDefault(keys.get(i), entry.record().widths().get(i));
            if (delta > 0) {
                added.put(keys.get(i), delta);
            }
        }
        return added;
    }

    /**
     * Selects the best candidate under {@code macs} (see {@link Frontier#bestUnder}) and returns it. When
     * none fits, nothing is selected (nor compared): keeping the previous candidate would show, in the
     * table, graph and frontier, a network that breaks the budget the user just set.
     */
    public Optional<CandidateEntry> selectBestUnder(long macs) {
        Optional<CandidateEntry> best = Frontier.bestUnder(stored, macs);
        selected.set(best.orElse(null));
        if (best.isEmpty()) {
            compared.set(null);
        }
        return best;
    }

    /** The best stored candidate under the current budget; empty when none fits or nothing is open. */
    public Optional<CandidateEntry> bestUnderBudget() {
        double b = budget.get();
        return Double.isFinite(b) ? Frontier.bestUnder(stored, (long) Math.floor(b)) : Optional.empty();
    }

    /**
     * Makes {@code entry}'s model when called, off the FX thread: a stored candidate's from the document,
     * the draft's from its base's. The draft's state is taken now, so later edits do not reach it.
     */
    public Supplier<Model> modelOf(CandidateEntry entry) {
        Document doc = document.get();
        if (entry.draft()) {
            SpecState state = draft.state();
            CandidateRecord base = draft.base().record();
            return () -> Draft.materialize(doc.loadModel(base), state, 1);
        }
        CandidateRecord record = entry.record();
        return () -> doc.loadModel(record);
    }

    /**
     * B of the width comparison follows the selection (A): its parent, or else the first stored
     * candidate, so the table shows what the round that made A grew. A B the user chose is kept while it
     * is still a stored candidate other than A.
     */
    private void defaultComparison() {
        CandidateEntry a = selected.get();
        CandidateEntry b = compared.get();
        if (a == null || b != null && !b.equals(a) && stored.contains(b)) {
            return;
        }
        Optional<CandidateEntry> first = stored.stream().findFirst().filter(e -> !e.equals(a));
        compared.set(parentOf(a).or(() -> first).orElse(null));
    }

    private void showDraft() {
        refreshRows();
        selected.set(draft == null ? null : rows.get(0));
    }

    private void refreshRows() {
        List<CandidateEntry> all = new ArrayList<>();
        Draft d = draft;
        if (d != null) {
            all.add(d.entry());
        }
        all.addAll(stored);
        rows.setAll(all);
        canUndo.set(d != null && d.history().canUndoProperty().get());
        canRedo.set(d != null && d.history().canRedoProperty().get());
        editNote.set(d == null ? "" : note(d));
    }

    private static String note(Draft d) {
        if (!d.changed()) {
            return "Edit of " + d.base().displayId() + ": no changes.";
        }
        List<String> redrawn = d.redrawnLayers();
        String layers = redrawn.isEmpty() ? "no layer" : redrawn.size() <= 6 ? String.join(", ", redrawn)
                : String.join(", ", redrawn.subList(0, 6)) + " and " + (redrawn.size() - 6) + " more";
        return "Unsaved edit of " + d.base().displayId() + ". Weights of unchanged layers are kept; re-initialised: "
                + layers + ".";
    }
}
