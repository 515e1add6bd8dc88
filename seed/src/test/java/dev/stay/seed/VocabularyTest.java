package dev.stay.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.seed.world.DemoWorld;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generator's amenities and cuisines are the catalog's: a new one on either side must reach the other. */
class VocabularyTest {

    @Test
    void theDemoWorldsAmenitiesAreTheCatalogsEnum() {
        assertThat(DemoWorld.AMENITIES).containsExactlyElementsOf(Arrays.stream(Amenity.values()).map(Amenity::getLiteral).toList());
    }

    @Test
    void theDemoWorldsCuisinesAndTableAreasAreTheCatalogsEnums() {
        assertThat(DemoWorld.CUISINES).containsExactlyElementsOf(Arrays.stream(Cuisine.values()).map(Cuisine::getLiteral).toList());
        assertThat(DemoWorld.small().restaurants().stream().flatMap(r -> r.tables().stream())
                .map(DemoWorld.Table::area).distinct())
                .isSubsetOf(Arrays.stream(TableArea.values()).map(TableArea::getLiteral).toList());
    }
}
