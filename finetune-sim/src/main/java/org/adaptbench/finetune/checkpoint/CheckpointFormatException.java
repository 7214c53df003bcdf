package org.adaptbench.finetune.checkpoint;

/** A checkpoint or adapter file that cannot be used: truncated, corrupt, of another format, or for another model. */
public final class CheckpointFormatException extends RuntimeException {

    public CheckpointFormatException(String message) {
        super(message);
    }

    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
