package org.adaptbench.harness.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.junit.jupiter.api.Test;

class MemoryTurnsTest {

    @Test
    void theMemoryLayerSeesWhatWasSaidOrPickedButNeverTheLabel() {
        TurnLabel label = new TurnLabel(TurnKind.IMPLICIT_CHOICE, "tone", "formal");
        Turn picked = new Turn("t1", Role.USER, "That one, please: B", 1_000L,
                Optional.of(new Choice("Which reply?", List.of("A", "B"), 1)), label);
        ConversationTurn pick = MemoryTurns.of(picked);
        assertEquals("Which reply?", pick.text());
        assertEquals(List.of("A", "B"), pick.options());
        assertEquals("B", pick.chosenOption().orElseThrow());
        assertEquals(1_000L, pick.timestamp().toEpochMilli());
        ConversationTurn said = MemoryTurns.of(Turn.of("t2", Role.ASSISTANT, "Noted.", 2_000L, TurnLabel.FILLER));
        assertEquals(org.adaptbench.personalization.extract.Role.ASSISTANT, said.role());
        assertEquals("Noted.", said.text());
    }
}
