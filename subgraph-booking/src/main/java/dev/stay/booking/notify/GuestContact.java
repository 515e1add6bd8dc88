package dev.stay.booking.notify;

import java.util.UUID;

/** Booking's copy of how to reach a guest, as the users subgraph last announced it ({@code users.profile}). */
record GuestContact(UUID userId, String email, String phone, String locale, boolean notifyEmail, boolean notifySms,
                    boolean notifyReminders) {

    /** The address of a channel, when the guest wants it and has one; else null. */
    String addressFor(Channel channel, Kind kind) {
        if (kind.reminder() && !notifyReminders) {
            return null;
        }
        return switch (channel) {
            case EMAIL -> notifyEmail ? blankToNull(email) : null;
            case SMS -> notifySms ? blankToNull(phone) : null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
