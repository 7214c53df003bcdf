package org.adaptbench.jmh.scale;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One measurement: one arm serving {@code users} users.
 *
 * @param arm memory or per-user adapters
 * @param users N, the users the arm holds state for
 * @param options the run's settings (cache size, batch size, request counts, seed, disk budget)
 * @param work a folder of this cell's own for its files, deleted afterwards
 */
record CellSpec(ScaleArm arm, int users, ScaleOptions options, Path work) {

    CellSpec {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        if (users < 1) {
            throw new IllegalArgumentException("users must be positive, was " + users);
        }
    }

    /** The user id of user {@code index}, zero-padded so ids sort as numbers. */
    static String userId(int index) {
        return String.format(java.util.Locale.US, "u%07d", index);
    }
}
