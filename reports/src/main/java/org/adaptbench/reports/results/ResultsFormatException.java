package org.adaptbench.reports.results;

import java.nio.file.Path;

/** A results file that cannot be used: names the file and the field, for exit code 2. */
public final class ResultsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultsFormatException(Path file, String field, String problem) {
        super(file + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
    }

    public ResultsFormatException(Path file, String field, String problem, Throwable cause) {
        this(file, field, problem);
        initCause(cause);
    }
}
