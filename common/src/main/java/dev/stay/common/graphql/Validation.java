package dev.stay.common.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of an input, not just the first, so that a form can show them all; the value is built
 * only when none is broken. Every mutation of every subgraph validates this way and answers the result in its
 * payload's {@code errors}, changing nothing when there is one.
 */
public final class Validation<C extends Enum<C>> {

    private final List<FieldError<C>> errors = new ArrayList<>();

    public Validation<C> refuse(String field, C code, String message) {
        errors.add(new FieldError<>(field, code, message));
        return this;
    }

    /** Refuses when {@code broken} holds. */
    public Validation<C> check(boolean broken, String field, C code, String message) {
        return broken ? refuse(field, code, message) : this;
    }

    /**
     * A text field: required or not, at most {@code max} characters once stripped, and no control characters
     * (a NUL or an escape sequence has no place in a hotel's name or a caption, and PostgreSQL refuses NUL).
     */
    public Validation<C> text(String field, String value, boolean required, int max, C missing, C tooLong, C invalid) {
        if (value == null || value.isBlank()) {
            return check(required, field, missing, field + " is required");
        }
        if (Texts.hasControlCharacters(value)) {
            return refuse(field, invalid, field + " must not contain control characters");
        }
        return check(value.strip().length() > max, field, tooLong, field + " has at most " + max + " characters");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<FieldError<C>> errors() {
        return List.copyOf(errors);
    }

    /** The value when every rule holds, else the errors. */
    public <T> Validated<T, C> then(Supplier<T> value) {
        return ok() ? Validated.valid(value.get()) : Validated.refused(errors());
    }
}
