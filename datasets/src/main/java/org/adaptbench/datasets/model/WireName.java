package org.adaptbench.datasets.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an enum constant is spelled in files and on the command line: its Java name in lower case
 * ("implicit_choice", "persona"). Every wire-named enum of the data sets implements this, so one
 * rule renders and parses them all and a new constant needs no extra code.
 */
public interface WireName {

    /** The constant's Java name; an enum's own {@code name()} implements it. */
    String name();

    /** The spelling in files: {@link #name()} in lower case. */
    default String wireName() {
        return name().toLowerCase(Locale.US);
    }

    /** The constant of {@code type} spelled {@code text}, or empty for anything else, so the caller can name the bad field. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The spellings of {@code type}'s constants for an error message: "user or assistant", "synthetic, prefeval or jsonl". */
    static <E extends Enum<E> & WireName> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.wireName());
        }
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
