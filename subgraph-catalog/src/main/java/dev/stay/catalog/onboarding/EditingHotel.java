package dev.stay.catalog.onboarding;

import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.codegen.catalog.types.AddressInput;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.UpdateHotelInput;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An owner edits what guests read about their hotel; only the fields given change. */
@Component
class EditingHotel {

    private final HotelChange change;

    EditingHotel(HotelChange change) {
        this.change = change;
    }

    Outcome update(Optional<Viewer> viewer, String id, int version, UpdateHotelInput input) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            rules.hotel(false, input.getName(), input.getDescription(), input.getStars(), input.getAddress(),
                    input.getLocation(), input.getTimeZone(), input.getCurrency(), input.getHouseRules());
            if (input.getName() != null && input.getName().isBlank()) {
                rules.refuse("name", CatalogErrorCode.REQUIRED, "name cannot be empty");
            }
            if (input.getCurrency() != null && !input.getCurrency().equals(hotel.getCurrency())
                    && hotel.getPricedSince() != null) {
                rules.refuse("currency", CatalogErrorCode.CURRENCY_LOCKED, "the hotel has prices in "
                        + hotel.getCurrency() + " since " + hotel.getPricedSince().toLocalDate()
                        + ": its currency cannot change");
            }
            var checkIn = rules.time("checkInTime", input.getCheckInTime());
            var checkOut = rules.time("checkOutTime", input.getCheckOutTime());
            if (!rules.ok()) return;
            if (input.getName() != null) hotel.setName(Stored.text(input.getName()));
            if (input.getDescription() != null) hotel.setDescription(Stored.text(input.getDescription()));
            if (input.getStars() != null) hotel.setStars(input.getStars());
            if (input.getAddress() != null) address(hotel, input.getAddress());
            if (input.getLocation() != null) hotel.setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon());
            if (input.getTimeZone() != null) hotel.setTimeZone(input.getTimeZone());
            if (input.getCurrency() != null) hotel.setCurrency(input.getCurrency());
            if (input.getAmenities() != null) hotel.setAmenities(Stored.amenities(input.getAmenities()));
            if (checkIn != null) hotel.setCheckInTime(checkIn);
            if (checkOut != null) hotel.setCheckOutTime(checkOut);
            if (input.getHouseRules() != null) hotel.setHouseRules(Stored.text(input.getHouseRules()));
        });
    }

    /** The address as a whole: a region or postal code left out is cleared. */
    static void address(PropertyRecord hotel, AddressInput address) {
        hotel.setStreet(Stored.text(address.getStreet())).setCity(Stored.text(address.getCity()))
                .setRegion(Stored.optional(address.getRegion())).setCountry(address.getCountry())
                .setPostalCode(Stored.optional(address.getPostalCode()));
    }
}
