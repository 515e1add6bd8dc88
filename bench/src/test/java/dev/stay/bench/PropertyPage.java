package dev.stay.bench;

import java.time.LocalDate;
import java.util.Map;

/** The property page as an app asks for it: everything the catalog holds about a hotel, and its owner's name. */
final class PropertyPage {

    private static final String HOTEL_FIELDS = """
                id name description stars
                address { street city region country postalCode }
                location { lat lon }
                timeZone currency amenities
                photos { url caption }
                roomTypes { id name description maxAdults maxChildren beds sizeSqm amenities photos { url caption } }
            """;

    /** Through the router: catalog answers the hotel, users the owner's display name ({@code _entities}). */
    static final GraphQlDocument FULL = new GraphQlDocument("PropertyPage", """
            query PropertyPage($id: ID!) {
              hotel(id: $id) {
            %s    owner { displayName }
              }
            }
            """.formatted(HOTEL_FIELDS), Map.of());

    /**
     * The catalog's share of {@link #FULL}: what the router asks the catalog for (the owner as a reference).
     * The only form of the page a subgraph can answer alone, so it is what goes straight to the catalog, and
     * through the router too, to tell the router's own cost from that of the extra hop to users.
     */
    static final GraphQlDocument CATALOG_FIELDS = new GraphQlDocument("PropertyPageCatalog", """
            query PropertyPageCatalog($id: ID!) {
              hotel(id: $id) {
            %s    owner { id }
              }
            }
            """.formatted(HOTEL_FIELDS), Map.of());

    /** {@link #FULL} with live availability and prices from booking for a three-night stay a month ahead: never cached. */
    static GraphQlDocument withAvailability(LocalDate today) {
        LocalDate checkIn = today.plusDays(30);
        return new GraphQlDocument("PropertyPageWithAvailability", """
                query PropertyPageWithAvailability($id: ID!, $checkIn: Date!, $checkOut: Date!) {
                  hotel(id: $id) {
                %s    owner { displayName }
                    availability(checkIn: $checkIn, checkOut: $checkOut, guests: 2) {
                      roomType { id name }
                      available
                      nightlyPrices { date price { amount currency } }
                      totalPrice { amount currency }
                      cancellationPolicy { freeCancellationUntil penaltyPercent }
                    }
                  }
                }
                """.formatted(HOTEL_FIELDS), Map.of("checkIn", checkIn.toString(), "checkOut", checkIn.plusDays(3).toString()));
    }

    private PropertyPage() {
    }
}
