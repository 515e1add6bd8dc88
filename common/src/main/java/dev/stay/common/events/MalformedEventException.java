package dev.stay.common.events;

/**
 * A record that can never be applied however often it is tried: not JSON, no event id, a required field missing.
 * The consumers' error handler sends it to the dead-letter topic at once instead of retrying it
 * ({@link ConsumerErrorsAutoConfiguration}); a constructor of an event record that refuses a missing id surfaces here
 * too, through {@link EventReader#data}.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
