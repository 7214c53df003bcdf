package org.adaptbench.harness.approach.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.model.CosineBaselineScorer;
import org.adaptbench.harness.extraction.Lineage;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.junit.jupiter.api.Test;

/**
 * A probe that is an item a user is asked is never distilled for that user (issue 15, item 8: on an
 * imported data set the probes come from other users' queries, which may word the same item).
 */
class FineTuningDataTest {

    private static final String STATEMENT = "I am vegetarian, I love a good lentil curry.";

    @Test
    void aUsersOwnItemIsNeverOneOfTheirDistilledProbes() {
        Turn said = Turn.of("t1", Role.USER, STATEMENT, 1, TurnLabel.UNKNOWN);
        Query dinner = new Query("alice/q1", "What should I cook tonight?", List.of("Steak frites", "Lentil curry"), 1, 1,
                List.of(), "", "", Double.NaN);
        UserData alice = new UserData("alice", List.of(said), List.of(dinner), Map.of());
        UserData bob = new UserData("bob", List.of(said), List.of(), Map.of());
        List<Workload.Probe> probes = List.of(new Workload.Probe(dinner.question(), List.of("Lentil curry", "Steak frites")),
                new Workload.Probe("Which place for lunch?", List.of("A steakhouse", "A vegan cafe")));
        Workload workload = new Workload("data", new Dataset("data", DatasetKind.JSONL, "0".repeat(64), List.of(alice, bob)),
                List.of(alice), 0.0, List.of(bob), probes, Optional.empty());

        Map<String, Set<Integer>> asked = FineTuningSetup.askedOf(workload);
        assertEquals(Map.of("alice", Set.of(0)), asked, "alice is asked probe 0 (same question, options in another order)");

        HashingEmbedder embedder = new HashingEmbedder(384);
        SlotClassifier slots = new SlotClassifier(embedder, SlotCatalogue.open(), SlotClassifier.DEFAULT_MIN_SIMILARITY);
        // an extractor that files the one statement, so the test is about probes, not about reading (hashing vectors
        // carry no meaning the offline extractor's intent model could read)
        org.adaptbench.personalization.extract.PreferenceExtractor files = (user, turn) -> turn.text().equals(STATEMENT)
                ? new org.adaptbench.personalization.extract.Extraction(List.of(new org.adaptbench.personalization.extract.PreferenceSignal(
                        org.adaptbench.personalization.extract.PreferenceSignal.Action.REMEMBER, "diet", STATEMENT,
                        org.adaptbench.personalization.store.MemoryKind.EXPLICIT, 0.9, false)), List.of())
                : org.adaptbench.personalization.extract.Extraction.NOTHING;
        Lineage lineage = new Lineage(files, embedder);
        assertTrue(!lineage.slots("alice", said).isEmpty(), "the extractor reads the statement as a preference");
        FineTuningData data = new FineTuningData(new CosineBaselineScorer(), embedder, probes, 0.0, lineage, slots, asked,
                FineTuningData.Curation.EXTRACTOR);
        // bob, who is not asked it, gets both probes distilled from the same statement; alice only the other one
        assertEquals(2, data.examples("bob", List.of(said), Set.of(), 100).size());
        assertEquals(1, data.examples("alice", List.of(said), Set.of(), 100).size());
    }
}
