package dev.stay.catalog.search;

import dev.stay.catalog.property.Hotel;

/**
 * A {@code DestinationSuggestion}: a city, a hotel or a restaurant.
 *
 * @param restaurant the restaurant as its page resolves it, for a restaurant (restaurant search gives it)
 */
public record Destination(String kind, String name, String city, String country, Hotel hotel, Object restaurant) {}
