package dev.stay.common.dining;

/** How long a party of up to {@code upToPartySize} guests keeps its table, in real minutes. */
public record SeatingDuration(int upToPartySize, int minutes) {}
