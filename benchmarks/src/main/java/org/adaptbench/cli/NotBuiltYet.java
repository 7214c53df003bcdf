package org.adaptbench.cli;

/** Thrown by commands whose issue has not landed yet; the CLI reports it as an internal failure (exit 1). */
final class NotBuiltYet extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotBuiltYet(String command) {
        super("'" + command + "' is not built yet");
    }
}
