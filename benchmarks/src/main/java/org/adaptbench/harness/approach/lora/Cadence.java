package org.adaptbench.harness.approach.lora;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.results.ApproachNames;

/**
 * When a per-user adapter is retrained: after every informative event, after every N events, or
 * nightly (at midnight UTC of the history's clock, on what was said before midnight).
 *
 * @param everyEvents retrain after this many user events (1 = every event); 0 for nightly
 */
public record Cadence(int everyEvents) {

    public static final Cadence NIGHTLY = new Cadence(0);
    public static final Cadence EVERY_EVENT = new Cadence(1);
    /** Never on its own: only when the harness asks (to have an adapter deployed at a chosen point). */
    public static final Cadence MANUAL = new Cadence(Integer.MAX_VALUE);

    public Cadence {
        if (everyEvents < 0) {
            throw new IllegalArgumentException("everyEvents must not be negative");
        }
    }

    /** Parses "every-event", "every-N" or "nightly". */
    public static Cadence parse(String text) {
        String name = text.trim().toLowerCase(Locale.US);
        if (name.equals(ApproachNames.NIGHTLY)) {
            return NIGHTLY;
        }
        if (name.equals(ApproachNames.EVERY_EVENT)) {
            return EVERY_EVENT;
        }
        if (name.equals(ApproachNames.MANUAL)) {
            return MANUAL;
        }
        if (name.startsWith(ApproachNames.EVERY_PREFIX)) {
            try {
                int n = Integer.parseInt(name.substring(ApproachNames.EVERY_PREFIX.length()));
                if (n >= 1) {
                    return new Cadence(n);
                }
            } catch (NumberFormatException e) {
                // fall through to the message naming the accepted forms
            }
        }
        throw new UsageException("unknown retraining cadence '" + text + "'; use every-event, every-N or nightly");
    }

    public boolean nightly() {
        return everyEvents == 0;
    }

    public String wireName() {
        return nightly() ? ApproachNames.NIGHTLY : everyEvents == 1 ? ApproachNames.EVERY_EVENT
                : this.equals(MANUAL) ? ApproachNames.MANUAL : ApproachNames.EVERY_PREFIX + everyEvents;
    }

    /** The day number (UTC) of a history timestamp. */
    static long day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** Midnight (UTC) that starts the day of {@code epochMillis}. */
    static long midnightOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC)
                .toInstant().toEpochMilli();
    }
}
