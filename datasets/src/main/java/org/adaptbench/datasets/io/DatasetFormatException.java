package org.adaptbench.datasets.io;

import java.nio.file.Path;

/**
 * Bad input data: names the file, the line (or item index) and the field, so the user can fix it.
 *
 * <p>The CLI turns this into exit code 2 with {@link #getMessage()} and no stack trace.
 */
public final class DatasetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String location;
    private final String field;

    /**
     * @param file the offending file
     * @param location "line 12" or "item 3", or "" when the whole file is at fault
     * @param field the field at fault, or "" when none applies
     * @param problem what is wrong, in a few words
     */
    public DatasetFormatException(Path file, String location, String field, String problem) {
        super(describe(file, location, field, problem));
        this.file = file;
        this.location = location;
        this.field = field;
    }

    public DatasetFormatException(Path file, String location, String field, String problem, Throwable cause) {
        this(file, location, field, problem);
        initCause(cause);
    }

    private static String describe(Path file, String location, String field, String problem) {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (!location.isEmpty()) {
            text.append(", ").append(location);
        }
        if (!field.isEmpty()) {
            text.append(", field '").append(field).append('\'');
        }
        return text.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String field() {
        return field;
    }
}
