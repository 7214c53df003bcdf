package org.adaptbench.cli;

/** The process exit codes of the CLI contract. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int INTERNAL_FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int REGRESSION = 3;

    private ExitCode() {
    }
}
