package org.adaptbench.personalization;

import java.util.List;

/**
 * What a forget deleted and what it cost.
 *
 * @param deletedIds memories hard-deleted
 * @param cacheEntriesDropped embedding-cache entries dropped with them
 * @param nanos time taken
 */
public record ForgetResult(List<Long> deletedIds, int cacheEntriesDropped, long nanos) {

    public ForgetResult {
        deletedIds = List.copyOf(deletedIds);
    }
}
