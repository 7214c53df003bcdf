package org.adaptbench.personalization;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.extract.Role;

/**
 * How a turn is kept as an episode: {@code [8 May 2023, 1:56 PM] } (the turn's time, UTC) followed
 * by what was said, with its speaker: the user's words as they are (a data set that names its
 * speakers names them in the text: "Caroline: ..."), "Assistant: " or "System: " before the others',
 * and a pick as the option chosen and the question it answered. The date is in the text so that a
 * model shown the episode can answer "when ...?"; the embedding is of the part after the date, since
 * a date says nothing about what a turn is about.
 */
public final class EpisodeText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mm a", Locale.US).withZone(ZoneOffset.UTC);
    private static final String AFTER_DATE = "] ";

    private EpisodeText() {
    }

    /** The episode's stored text. */
    public static String of(ConversationTurn turn) {
        return "[" + DATE.format(turn.timestamp()) + AFTER_DATE + embeddedPart(turn);
    }

    /** What the episode's vector embeds: the turn with its speaker, without the date. */
    public static String embeddedPart(ConversationTurn turn) {
        String said = turn.chosenOption().map(option -> "picked \"" + option + "\" when asked: " + turn.text()).orElse(turn.text());
        return speaker(turn.role()) + said;
    }

    /** The embedded part of a stored episode text written by {@link #of}. */
    public static String embeddedPart(String stored) {
        int end = stored.indexOf(AFTER_DATE);
        if (!stored.startsWith("[") || end < 0) {
            throw new IllegalArgumentException("not an episode text: " + stored);
        }
        return stored.substring(end + AFTER_DATE.length());
    }

    private static String speaker(Role role) {
        return switch (role) {
            case USER -> "";
            case ASSISTANT -> "Assistant: ";
            case SYSTEM -> "System: ";
        };
    }
}
