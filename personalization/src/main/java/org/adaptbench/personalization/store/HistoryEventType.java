package org.adaptbench.personalization.store;

/** What happened to a memory. */
public enum HistoryEventType {
    ADDED,
    /** The text was replaced; the event keeps the previous text. */
    UPDATED,
    DELETED
}
