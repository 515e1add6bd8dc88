package dev.stay.catalog.review;

import dev.stay.codegen.catalog.types.ReviewSort;
import dev.stay.common.graphql.BadUserInput;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of reviews ends: the last review's sort key (overall rating, time, id) and the sort it was read in.
 * Opaque to clients (base64url of {@code r1:<sort>:<overall>:<createdAt>:<id>}); one given out under another sort,
 * or not by this API, is refused. Public for the pages of restaurant reviews, always newest first ({@link #newest}).
 */
public record ReviewCursor(ReviewSort sort, int overall, OffsetDateTime createdAt, UUID id) {

    static final int MAX_FIRST = 50;
    private static final String PREFIX = "r1:";

    static ReviewCursor of(ReviewSort sort, Review review) {
        return new ReviewCursor(sort, review.overall(), review.createdAt(), review.id());
    }

    /** Where a page read newest first ends: its last review's time and id. */
    public static ReviewCursor newest(OffsetDateTime createdAt, UUID id) {
        return new ReviewCursor(ReviewSort.NEWEST, 0, createdAt, id);
    }

    public String encode() {
        String text = PREFIX + sort.name() + ":" + overall + ":" + createdAt + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code after} names, read under {@code sort}; null for the first page. */
    public static ReviewCursor decode(String after, ReviewSort sort) {
        if (after == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", 3) : new String[0];
            if (parts.length == 3 && parts[0].equals(sort.name())) {
                int cut = parts[2].lastIndexOf(':');
                String id = cut < 0 ? "" : parts[2].substring(cut + 1);
                if (id.length() == 36) {
                    return new ReviewCursor(sort, Integer.parseInt(parts[1]),
                            OffsetDateTime.parse(parts[2].substring(0, cut)), UUID.fromString(id));
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw new BadUserInput("after", "INVALID_CURSOR", "after is not a cursor this API gave out for this sort");
    }

    /** {@code first} checked: 1 to {@value #MAX_FIRST}, else BAD_USER_INPUT with reason OUT_OF_RANGE. */
    public static int first(Integer first) {
        if (first == null || first < 1 || first > MAX_FIRST) {
            throw new BadUserInput("first", "OUT_OF_RANGE", "first must be from 1 to " + MAX_FIRST);
        }
        return first;
    }
}
