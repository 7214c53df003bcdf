package org.adaptbench.personalization.extract;

import java.util.List;

/**
 * What an extractor found in one turn, in the order found, and anything it had to work around.
 *
 * @param signals preferences to remember and requests to forget
 * @param warnings problems met and handled (a malformed model reply, an unknown slot name)
 */
public record Extraction(List<PreferenceSignal> signals, List<String> warnings) {

    public static final Extraction NOTHING = new Extraction(List.of(), List.of());

    public Extraction {
        signals = List.copyOf(signals);
        warnings = List.copyOf(warnings);
    }
}
