package dev.stay.booking.notify;

/** How a guest is reached; the provider's {@code channel}. */
enum Channel {
    EMAIL("email"), SMS("sms");

    final String wire;

    Channel(String wire) {
        this.wire = wire;
    }
}
