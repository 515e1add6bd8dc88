package dev.stay.common.graphql;

/**
 * The caller may not see or do this: answered as a GraphQL error with {@code extensions.code} {@code FORBIDDEN}
 * (or {@code UNAUTHENTICATED} when there is no signed-in user), with the data left null.
 */
public class Forbidden extends RuntimeException {

    private final boolean signedIn;

    private Forbidden(boolean signedIn, String message) {
        super(message);
        this.signedIn = signedIn;
    }

    public static Forbidden notYours(String what) {
        return new Forbidden(true, what + " belongs to someone else");
    }

    public static Forbidden signInFirst(String what) {
        return new Forbidden(false, what + " needs a signed-in user");
    }

    public String code() {
        return signedIn ? "FORBIDDEN" : "UNAUTHENTICATED";
    }
}
