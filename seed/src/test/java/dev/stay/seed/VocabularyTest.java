package dev.stay.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.seed.world.DemoWorld;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generator's amenities are the catalog's: a new amenity on either side must reach the other. */
class VocabularyTest {

    @Test
    void theDemoWorldsAmenitiesAreTheCatalogsEnum() {
        assertThat(DemoWorld.AMENITIES).containsExactlyElementsOf(Arrays.stream(Amenity.values()).map(Amenity::getLiteral).toList());
    }
}
