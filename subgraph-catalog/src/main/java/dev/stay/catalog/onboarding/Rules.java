package dev.stay.catalog.onboarding;

import dev.stay.codegen.catalog.types.AddressInput;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.GeoPointInput;
import dev.stay.codegen.catalog.types.PhotoInput;
import dev.stay.codegen.catalog.types.RoomTypeInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.money.Currencies;
import dev.stay.common.graphql.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of what owners may write, collecting every broken one (not just the first) so a form can show them
 * all. Each check takes the field's name as the client knows it, e.g. {@code address.country}. Public for the other
 * properties owners run (restaurants), so an address, a zone, a currency or a text is checked one way everywhere.
 */
public final class Rules {

    static final int MAX_HOTEL_PHOTOS = 30;
    static final int MAX_ROOM_PHOTOS = 20;
    /**
     * Room types on sale per hotel: the property page and {@code myHotels} carry them all, so their number is bounded
     * here rather than paged (the largest real hotels sell a few dozen kinds of room).
     */
    static final int MAX_ROOM_TYPES = 100;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_HOUSE_RULES = 2000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final Validation<CatalogErrorCode> validation = new Validation<>();

    public List<FieldError<CatalogErrorCode>> errors() {
        return validation.errors();
    }

    public boolean ok() {
        return validation.ok();
    }

    public Rules refuse(String field, CatalogErrorCode code, String message) {
        validation.refuse(field, code, message);
        return this;
    }

    public Rules text(String field, String value, boolean required, int max) {
        validation.text(field, value, required, max,
                CatalogErrorCode.REQUIRED, CatalogErrorCode.TOO_LONG, CatalogErrorCode.INVALID_CHARACTERS);
        return this;
    }

    /** A hotel's own fields, by the same rules for a new hotel and an edit; only a new one must have a name. */
    Rules hotel(boolean creating, String name, String description, Integer stars, AddressInput address,
                GeoPointInput location, String timeZone, String currency, String houseRules) {
        return text("name", name, creating, MAX_NAME)
                .text("description", description, false, MAX_DESCRIPTION)
                .range("stars", stars, 1, 5)
                .address("address", address)
                .location("location", location)
                .timeZone("timeZone", timeZone)
                .currency("currency", currency)
                .text("houseRules", houseRules, false, MAX_HOUSE_RULES);
    }

    public Rules range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            refuse(field, CatalogErrorCode.OUT_OF_RANGE, field + " must be from " + min + " to " + max);
        }
        return this;
    }

    public Rules address(String field, AddressInput address) {
        if (address == null) return this;
        text(field + ".street", address.getStreet(), true, 200);
        text(field + ".city", address.getCity(), true, 100);
        text(field + ".region", address.getRegion(), false, 100);
        text(field + ".postalCode", address.getPostalCode(), false, 20);
        if (address.getCountry() == null || !COUNTRIES.contains(address.getCountry())) {
            refuse(field + ".country", CatalogErrorCode.INVALID_COUNTRY,
                    "country must be an ISO 3166-1 alpha-2 code in capitals, e.g. PT");
        }
        return this;
    }

    public Rules location(String field, GeoPointInput location) {
        if (location == null) return this;
        if (!(location.getLat() >= -90 && location.getLat() <= 90)) {
            refuse(field + ".lat", CatalogErrorCode.OUT_OF_RANGE, "lat must be from -90 to 90");
        }
        if (!(location.getLon() >= -180 && location.getLon() <= 180)) {
            refuse(field + ".lon", CatalogErrorCode.OUT_OF_RANGE, "lon must be from -180 to 180");
        }
        return this;
    }

    public Rules timeZone(String field, String zone) {
        if (zone != null && !ZONES.contains(zone)) {
            refuse(field, CatalogErrorCode.INVALID_TIME_ZONE, "timeZone must be an IANA zone, e.g. Europe/Lisbon");
        }
        return this;
    }

    public Rules currency(String field, String code) {
        if (code != null && !Currencies.isMoney(code)) { // XXX, gold or a fund code cannot price a stay
            refuse(field, CatalogErrorCode.INVALID_CURRENCY, "currency must be an ISO 4217 currency, e.g. EUR");
        }
        return this;
    }

    public LocalTime time(String field, String value) {
        if (value == null) return null;
        try {
            if (value.matches("\\d{2}:\\d{2}")) return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            // refused below
        }
        refuse(field, CatalogErrorCode.INVALID_FORMAT, field + " must be a time as HH:MM, e.g. 15:00");
        return null;
    }

    Rules photos(String field, List<PhotoInput> photos, int existing, int max) {
        if (photos == null) return this;
        if (existing + photos.size() > max) {
            refuse(field, CatalogErrorCode.TOO_MANY_PHOTOS, "at most " + max + " photos");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < photos.size(); i++) {
            photo(field + "[" + i + "]", photos.get(i));
            if (photos.get(i).getUrl() != null && !seen.add(photos.get(i).getUrl())) {
                refuse(field + "[" + i + "].url", CatalogErrorCode.DUPLICATE_PHOTO, "the same photo twice");
            }
        }
        return this;
    }

    public Rules photo(String field, PhotoInput photo) {
        url(field + ".url", photo.getUrl());
        return text(field + ".caption", photo.getCaption(), false, 300);
    }

    /** Only https URLs with a host, no credentials, at most 2048 characters: photos are shown to everyone. */
    public Rules url(String field, String url) {
        boolean valid = false;
        if (url != null && url.length() <= 2048 && url.strip().equals(url)) {
            try {
                URI uri = new URI(url);
                valid = "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
            } catch (URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            refuse(field, CatalogErrorCode.INVALID_URL, field + " must be an https URL of at most 2048 characters");
        }
        return this;
    }

    Rules roomType(RoomTypeInput room) {
        text("name", room.getName(), true, 120);
        text("description", room.getDescription(), false, 2000);
        range("maxAdults", room.getMaxAdults(), 1, 20);
        range("maxChildren", room.getMaxChildren(), 0, 20);
        text("beds", room.getBeds(), true, 100);
        range("sizeSqm", room.getSizeSqm(), 1, 2000);
        range("defaultRooms", room.getDefaultRooms(), 0, 10_000);
        return photos("photos", room.getPhotos(), 0, MAX_ROOM_PHOTOS);
    }
}
