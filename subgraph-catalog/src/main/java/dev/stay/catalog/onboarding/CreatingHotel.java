package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.PROPERTY;

import dev.stay.catalog.db.enums.PropertyKind;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.codegen.catalog.types.CreateHotelInput;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** An owner's new hotel starts as a draft, seen only by them and admins until it is published. */
@Component
class CreatingHotel {

    private final DSLContext db;
    private final HotelChange change;

    CreatingHotel(DSLContext db, HotelChange change) {
        this.db = db;
        this.change = change;
    }

    Outcome create(Optional<Viewer> viewer, CreateHotelInput input) {
        Rules rules = new Rules().hotel(true, input.getName(), input.getDescription(), input.getStars(),
                input.getAddress(), input.getLocation(), input.getTimeZone(), input.getCurrency(), input.getHouseRules());
        var checkIn = rules.time("checkInTime", input.getCheckInTime());
        var checkOut = rules.time("checkOutTime", input.getCheckOutTime());
        return change.create(viewer, rules, owner -> {
            PropertyRecord hotel = db.newRecord(PROPERTY)
                    .setId(UUID.randomUUID()).setKind(PropertyKind.HOTEL).setOwnerId(owner)
                    .setStatus(PropertyStatus.DRAFT)
                    .setName(Stored.text(input.getName())).setDescription(Stored.text(input.getDescription()))
                    .setStars(input.getStars()).setTimeZone(input.getTimeZone()).setCurrency(input.getCurrency())
                    .setAmenities(Stored.amenities(input.getAmenities()))
                    .setHouseRules(Stored.text(input.getHouseRules()))
                    .setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon())
                    .setVersion(1);
            EditingHotel.address(hotel, input.getAddress());
            if (checkIn != null) hotel.setCheckInTime(checkIn);
            if (checkOut != null) hotel.setCheckOutTime(checkOut);
            return hotel;
        });
    }
}
