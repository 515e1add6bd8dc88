package dev.stay.common.graphql;

import java.util.List;
import java.util.Objects;

/** An input turned into a value when every rule held, or the broken rules (and no value). */
public record Validated<T, C extends Enum<C>>(T value, List<FieldError<C>> errors) {

    public Validated {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a value or errors, not both and not neither");
        }
    }

    public static <T, C extends Enum<C>> Validated<T, C> valid(T value) {
        return new Validated<>(Objects.requireNonNull(value), List.of());
    }

    public static <T, C extends Enum<C>> Validated<T, C> refused(List<FieldError<C>> errors) {
        return new Validated<>(null, errors);
    }

    public static <T, C extends Enum<C>> Validated<T, C> refused(String field, C code, String message) {
        return refused(List.of(new FieldError<>(field, code, message)));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
