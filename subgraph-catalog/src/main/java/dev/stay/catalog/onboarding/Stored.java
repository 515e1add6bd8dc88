package dev.stay.catalog.onboarding;

import dev.stay.catalog.db.enums.Amenity;
import java.util.List;

/**
 * How owners' input is stored once {@link Rules} accepted it, the same way on every path: texts stripped, an
 * optional text left out as empty, captions stripped and a blank one as none, amenities once each.
 */
public final class Stored {

    private Stored() {}

    public static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** An optional text the schema allows to be null (a region, a postal code, a caption): blank is null. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Amenity[] amenities(List<dev.stay.codegen.catalog.types.Amenity> amenities) {
        return amenities == null ? new Amenity[0]
                : amenities.stream().distinct().map(a -> Amenity.valueOf(a.name())).toArray(Amenity[]::new);
    }
}
