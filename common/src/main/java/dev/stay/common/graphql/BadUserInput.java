package dev.stay.common.graphql;

/**
 * Input that breaks a rule of the API: answered as a GraphQL error with {@code extensions.code = BAD_USER_INPUT},
 * the machine-readable {@code reason} and the {@code field} it concerns, before anything is changed.
 *
 * @param field  the argument or input field at fault, as named in the schema
 * @param reason stable upper-case code clients can switch on, e.g. {@code CHECK_OUT_NOT_AFTER_CHECK_IN}
 */
public class BadUserInput extends RuntimeException {

    private final String field;
    private final String reason;

    public BadUserInput(String field, String reason, String message) {
        super(message);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
