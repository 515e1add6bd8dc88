package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/** A reservation's short code for the guest and the host: RES- and six characters that read aloud unambiguously. */
final class Reference {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Reference() {}

    /** A reference no reservation has yet (the unique constraint stays the last word). */
    static String next(DSLContext db) {
        while (true) {
            StringBuilder code = new StringBuilder("RES-");
            for (int i = 0; i < 6; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!db.fetchExists(TABLE_RESERVATION, TABLE_RESERVATION.REFERENCE.eq(code.toString()))) {
                return code.toString();
            }
        }
    }
}
