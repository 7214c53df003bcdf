package org.adaptbench.personalization.extract;

/** Who spoke a turn. */
public enum Role { USER, ASSISTANT, SYSTEM }
