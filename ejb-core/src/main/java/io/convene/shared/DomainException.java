package io.convene.shared;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses. Subclasses say why; the REST layer maps each kind to one HTTP status
 * and an RFC 9457 problem body. Rolling back is the point: a refused request writes nothing.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** A short, stable, human title for the kind of problem (the problem body's "title"). */
    public abstract String title();
}
