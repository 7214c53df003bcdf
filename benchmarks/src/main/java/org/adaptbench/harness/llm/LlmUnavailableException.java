package org.adaptbench.harness.llm;

/** The remote model could not be reached or kept failing within the bounded retries. */
public final class LlmUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
