package org.adaptbench.personalization.store;

/** A store could not do what was asked for a reason other than a bad argument (I/O, a corrupt file). */
public class MemoryStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MemoryStoreException(String message) {
        super(message);
    }

    public MemoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
