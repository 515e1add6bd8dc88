package dev.stay.booking.notify;

/** A rendered message: an email has a subject, an SMS only a body. */
record Message(String subject, String body) {}
