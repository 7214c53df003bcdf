package org.adaptbench.personalization.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptbench.personalization.store.MemoryKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfflinePreferenceExtractorTest {

    private static OfflinePreferenceExtractor withCatalogue;
    private static OfflinePreferenceExtractor open;

    @BeforeAll
    static void extractors() {
        withCatalogue = new OfflinePreferenceExtractor(new SlotClassifier(LabelledTurns.MINILM, LabelledTurns.catalogue(), 0.3));
        open = new OfflinePreferenceExtractor(new SlotClassifier(LabelledTurns.MINILM, SlotCatalogue.open(), 0.3));
    }

    @Test
    void precisionAndRecallOnTheLabelledFixture() {
        ExtractionQuality quality = ExtractionQuality.measure(withCatalogue, LabelledTurns.turns());
        System.out.println("pattern extractor with catalogue: " + quality);
        assertTrue(quality.precision() >= 0.95, quality.toString());
        assertTrue(quality.recall() >= 0.95, quality.toString());
        assertTrue(quality.slotAccuracy() >= 0.85, quality.toString());
    }

    @Test
    void openSlotsDetectTheSamePreferencesWithoutSlots() {
        ExtractionQuality quality = ExtractionQuality.measure(open, LabelledTurns.turns());
        assertTrue(quality.precision() >= 0.95 && quality.recall() >= 0.95, quality.toString());
        for (LabelledTurns.Labelled turn : LabelledTurns.turns()) {
            open.extract("u", turn.turn()).signals().forEach(s -> assertEquals("", s.slot()));
        }
    }

    @Test
    void aPickIsAnImplicitPreferenceForThePickedOption() {
        ConversationTurn pick = ConversationTurn.pick("Which seat would you like?", List.of("Aisle seat", "Window seat"), 1, LabelledTurns.T0);
        List<PreferenceSignal> signals = withCatalogue.extract("u", pick).signals();
        assertEquals(1, signals.size());
        PreferenceSignal signal = signals.get(0);
        assertEquals(MemoryKind.IMPLICIT, signal.kind());
        assertEquals("seat", signal.slot());
        assertEquals("Picked \"Window seat\" when asked \"Which seat would you like?\"", signal.statement());
        assertEquals(OfflinePreferenceExtractor.PICKED, signal.confidence());
    }

    @Test
    void forgetRequestsCarryTheirTargetAndChangesAreMarked() {
        PreferenceSignal forget = withCatalogue.extract("u", ConversationTurn.user("Please forget that I like aisle seats.", LabelledTurns.T0))
                .signals().get(0);
        assertEquals(PreferenceSignal.Action.FORGET, forget.action());
        assertEquals("I like aisle seats", forget.statement());
        assertEquals("seat", forget.slot());
        PreferenceSignal bare = withCatalogue.extract("u", ConversationTurn.user("Forget that.", LabelledTurns.T0)).signals().get(0);
        assertEquals(PreferenceSignal.Action.FORGET, bare.action());
        assertEquals("", bare.statement());
        PreferenceSignal change = withCatalogue.extract("u",
                ConversationTurn.user("Actually, I now prefer window seats.", LabelledTurns.T0)).signals().get(0);
        assertTrue(change.revision());
        assertEquals(OfflinePreferenceExtractor.EMPHATIC, change.confidence());
    }

    @Test
    void aReactionToAnAnswerIsKeptWholeAsImplicitFeedback() {
        String said = "That reply was too formal. And far too long.";
        List<PreferenceSignal> signals = withCatalogue.extract("u", ConversationTurn.user(said, LabelledTurns.T0)).signals();
        assertEquals(1, signals.size());
        PreferenceSignal feedback = signals.get(0);
        assertEquals(PreferenceSignal.Action.REMEMBER, feedback.action());
        assertEquals(said, feedback.statement());
        assertEquals(MemoryKind.IMPLICIT, feedback.kind());
        assertEquals(OfflinePreferenceExtractor.FEEDBACK, feedback.confidence());
        assertEquals("answer_style", feedback.slot());
    }

    @Test
    void aForgetBesideANewPreferenceOfTheSameSlotIsAChangeOfMind() {
        List<PreferenceSignal> signals = withCatalogue.extract("u",
                ConversationTurn.user("Forget what I said about aisle seats; these days I prefer the window.", LabelledTurns.T0)).signals();
        assertEquals(1, signals.size(), signals.toString());
        assertEquals(PreferenceSignal.Action.REMEMBER, signals.get(0).action());
        assertEquals("seat", signals.get(0).slot());
        assertTrue(signals.get(0).revision());
        List<PreferenceSignal> correction = withCatalogue.extract("u",
                ConversationTurn.user("Forget that: I'd rather have detailed answers.", LabelledTurns.T0)).signals();
        assertEquals(List.of(PreferenceSignal.Action.REMEMBER), correction.stream().map(PreferenceSignal::action).toList());
        assertEquals("I'd rather have detailed answers.", correction.get(0).statement());
        assertTrue(correction.get(0).revision());
    }

    @Test
    void aWishLastsWhenItSaysSoOrConcernsASlotButARequestForOneThingDoesNot() {
        assertEquals(List.of("answer_style"), slots("From now on, keep your answers brief."));
        assertEquals(List.of("seat"), slots("Window seats, please."));
        assertEquals(List.of(), slots("Please give me a recipe for lasagna."));
        assertEquals(List.of(), slots("Tell me a joke."));
        assertEquals(List.of(), slots("I'd love a coffee right now."));
    }

    @Test
    void aPickTakesTheSlotItsOptionsShare() {
        ConversationTurn pick = ConversationTurn.pick("Anything else?", List.of("Jazz", "Techno", "Folk"), 2, LabelledTurns.T0);
        assertEquals("music", withCatalogue.extract("u", pick).signals().get(0).slot());
    }

    private static List<String> slots(String said) {
        return withCatalogue.extract("u", ConversationTurn.user(said, LabelledTurns.T0)).signals().stream().map(PreferenceSignal::slot).toList();
    }

    @Test
    void assistantTurnsAndSmallTalkYieldNothing() {
        assertEquals(Extraction.NOTHING, withCatalogue.extract("u", ConversationTurn.assistant("I prefer to answer briefly.", LabelledTurns.T0)));
        assertEquals(List.of(), withCatalogue.extract("u", ConversationTurn.user("Nice weather today!", LabelledTurns.T0)).signals());
    }

    @Test
    void severalStatementsInOneTurnAreSeparated() {
        List<PreferenceSignal> signals = withCatalogue.extract("u",
                ConversationTurn.user("I'm vegetarian. Also, I prefer the window seat!", LabelledTurns.T0)).signals();
        assertEquals(List.of("diet", "seat"), signals.stream().map(PreferenceSignal::slot).toList());
    }
}
