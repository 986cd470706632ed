package org.mailoutcome.tracking;

/**
 * A {@link DeliveryStore} could not do what was asked (its database is down, a write conflicted for good...).
 * Stores wrap their own failures in it, so that callers can tell "the store failed, try again later" from a
 * programmer error.
 */
public class DeliveryStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message and its cause.
     *
     * @param message what failed
     * @param cause the store's own exception
     */
    public DeliveryStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure with a message.
     *
     * @param message what failed
     */
    public DeliveryStoreException(String message) {
        super(message);
    }
}
