package org.adaptbench.datasets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.adaptbench.datasets.prefeval.PrefEvalForm;
import org.adaptbench.datasets.synthetic.Wording;
import org.junit.jupiter.api.Test;

class WireNameTest {

    @Test
    void rendersTheLowerCaseNameWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            // Turkish lower-cases 'I' to a dotless 'ı'; the wire name must not follow the machine's locale
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("implicit_choice", TurnKind.IMPLICIT_CHOICE.wireName());
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("user", Role.USER.wireName());
        assertEquals("prefeval", DatasetKind.PREFEVAL.wireName());
        assertEquals("persona", PrefEvalForm.PERSONA.wireName());
        assertEquals("evaluation", Wording.EVALUATION.wireName());
    }

    @Test
    void parsesEveryConstantBackAndNothingElse() {
        roundTrips(Role.class);
        roundTrips(TurnKind.class);
        roundTrips(DatasetKind.class);
        roundTrips(PrefEvalForm.class);
        roundTrips(Wording.class);
        assertEquals(Optional.of(Role.ASSISTANT), Role.parse("assistant"));
        assertEquals(Optional.of(TurnKind.DELETION), TurnKind.parse("deletion"));
        assertEquals(Optional.of(DatasetKind.JSONL), DatasetKind.parse("jsonl"));
        assertEquals(Optional.of(PrefEvalForm.CHOICE), PrefEvalForm.parse("choice"));
        // the spelling is exact: the Java name, other cases, padding and null are not wire names
        for (String bad : new String[] {"USER", "User", " user", "user ", "", "users"}) {
            assertEquals(Optional.empty(), Role.parse(bad), bad);
        }
        assertEquals(Optional.empty(), Role.parse(null));
        assertEquals(Optional.empty(), TurnKind.parse("implicit-choice"));
    }

    @Test
    void listsTheChoicesForErrorMessages() {
        assertEquals("user or assistant", WireName.choices(Role.class));
        assertEquals("synthetic, prefeval, jsonl or locomo", WireName.choices(DatasetKind.class));
        assertEquals("explicit, choice or persona", WireName.choices(PrefEvalForm.class));
    }

    private static <E extends Enum<E> & WireName> void roundTrips(Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            assertEquals(constant.name().toLowerCase(Locale.US), constant.wireName());
            assertEquals(Optional.of(constant), WireName.parse(type, constant.wireName()), constant.name());
        }
    }
}
