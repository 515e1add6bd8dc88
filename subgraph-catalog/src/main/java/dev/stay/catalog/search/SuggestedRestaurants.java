package dev.stay.catalog.search;

import java.util.List;
import java.util.UUID;

/** Restaurants among suggestions: what {@link Suggestions} needs of restaurant search, which provides it. */
public interface SuggestedRestaurants {

    /** The alias of the restaurants' index, searched with hotels' in one request. */
    String alias();

    /** The published restaurants among these ids, in this order, as destinations of kind RESTAURANT. */
    List<Destination> destinations(List<UUID> ids);
}
