package org.adaptbench.finetune.strategy;

import java.util.List;
import java.util.Objects;
import org.adaptbench.finetune.model.LabelledExample;

/**
 * One user's training material for the adapter strategies.
 *
 * @param userId the user's id
 * @param profile the user's preference profile, used by the per-variant strategy
 * @param examples the user's labelled examples (hard or soft targets), possibly none
 */
public record UserData(String userId, PreferenceProfile profile, List<LabelledExample> examples) {

    public UserData {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("user id must not be empty");
        }
        Objects.requireNonNull(profile, "profile");
        examples = List.copyOf(examples);
    }
}
