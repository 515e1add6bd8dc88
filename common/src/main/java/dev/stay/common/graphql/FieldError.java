package dev.stay.common.graphql;

/**
 * One broken rule of a mutation's input, as every payload's {@code errors} list carries it: the input field at fault
 * as the client names it (e.g. {@code address.country}; null for the request as a whole), a code from the domain's
 * error enum (the schema's {@code CatalogErrorCode}, {@code InventoryErrorCode}...) and a message for people.
 */
public record FieldError<C extends Enum<C>>(String field, C code, String message) {

    public static <C extends Enum<C>> FieldError<C> of(String field, C code, String message) {
        return new FieldError<>(field, code, message);
    }
}
