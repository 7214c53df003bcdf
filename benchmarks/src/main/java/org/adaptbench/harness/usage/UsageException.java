package org.adaptbench.harness.usage;

/** A command was used wrongly (unknown name, conflicting options, missing path): exit code 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
