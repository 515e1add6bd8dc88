package dev.stay.catalog.restaurantsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stay.common.graphql.BadUserInput;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input of a restaurant search as checked and normalised, without engines. */
class RestaurantCriteriaTest {

    static RestaurantSearchInput input(String city, List<String> cuisines, LocalDate date, String time, Integer party) {
        return new RestaurantSearchInput(city, null, null, null, cuisines, null, null, null, date, time, party, null);
    }

    @Test
    void twoInputsAskingTheSameHaveEqualCriteriaAndSoOneCacheKey() {
        LocalDate day = LocalDate.now().plusDays(5);
        RestaurantCriteria one = RestaurantCriteria.of(input("  Évora   Ção ", List.of("THAI", "CAFE", "THAI"), day,
                "20:00", 2));
        RestaurantCriteria other = RestaurantCriteria.of(input("Évora Ção", List.of("CAFE", "THAI"), day, "20:00", 2));

        assertThat(one).isEqualTo(other);
        assertThat(one.visit()).isEqualTo(new RestaurantCriteria.Visit(day, LocalTime.of(20, 0), 2));
        assertThat(one.sort()).isEqualTo(RestaurantCriteria.Sort.RELEVANCE);
    }

    @Test
    void aVisitIsAllThreeOrNone() {
        assertThat(RestaurantCriteria.of(input("Évora", null, null, null, null)).visit()).isNull();
        assertThatThrownBy(() -> RestaurantCriteria.of(input("Évora", null, null, null, 4)))
                .isInstanceOfSatisfying(BadUserInput.class, e -> assertThat(e.reason()).isEqualTo("VISIT_INCOMPLETE"));
        for (String time : List.of("20:0", "2000", "20:00:00", "24:00", "-1:30", " 20:00")) {
            assertThatThrownBy(() -> RestaurantCriteria.of(input("Évora", null, LocalDate.now().plusDays(1), time, 2)))
                    .as(time).isInstanceOfSatisfying(BadUserInput.class,
                            e -> assertThat(e.reason()).isEqualTo("INVALID_TIME"));
        }
    }
}
