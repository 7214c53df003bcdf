package org.adaptbench.personalization.lifecycle;

import java.util.List;

/**
 * What one maintenance pass did to a user's memories.
 *
 * @param merged ids deleted because they duplicated a memory that was kept and reinforced
 * @param expired ids deleted because they went unused for too long
 * @param evicted ids deleted to bring the user under the cap
 */
public record MaintenanceReport(List<Long> merged, List<Long> expired, List<Long> evicted) {

    public MaintenanceReport {
        merged = List.copyOf(merged);
        expired = List.copyOf(expired);
        evicted = List.copyOf(evicted);
    }

    public int total() {
        return merged.size() + expired.size() + evicted.size();
    }
}
