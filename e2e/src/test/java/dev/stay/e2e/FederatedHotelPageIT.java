package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.codegen.api.client.HotelGraphQLQuery;
import dev.stay.codegen.api.client.HotelProjectionRoot;
import dev.stay.seed.world.DemoWorld;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole platform, as {@code ./platform up} runs it, queried through the router like an app would. */
class FederatedHotelPageIT {

    final StayClient client = Stay.client();

    @Test
    void oneQueryIsAnsweredByCatalogBookingAndUsers() {
        DemoWorld.Hotel demo = DemoWorld.small().hotels().getFirst();
        DemoWorld.Owner owner = DemoWorld.small().owners().stream()
                .filter(o -> o.id().equals(demo.ownerId())).findFirst().orElseThrow();
        LocalDate checkIn = LocalDate.now().plusDays(30);

        JsonNode response = client.query(
                HotelGraphQLQuery.newRequest().id(demo.id().toString()).build(),
                new HotelProjectionRoot<>().id().name().stars()
                        .owner().displayName().parent()
                        .availability(checkIn, checkIn.plusDays(2), 2, 1)
                        .available()
                        .roomType().id().name().parent()
                        .totalPrice().amount().currency().parent()
                        .parent());

        assertThat(response.path("errors").isMissingNode()).as("errors: %s", response.path("errors")).isTrue();
        JsonNode hotel = response.path("data").path("hotel");
        // catalog
        assertThat(hotel.path("name").asString()).isEqualTo(demo.name());
        assertThat(hotel.path("stars").asInt()).isEqualTo(demo.stars());
        // users, through Hotel.owner
        assertThat(hotel.path("owner").path("displayName").asString()).isEqualTo(owner.displayName());
        // booking, through Hotel.availability, and back to catalog for each room type's name
        List<String> offered = new ArrayList<>();
        for (JsonNode offer : hotel.path("availability")) {
            offered.add(offer.path("roomType").path("name").asString());
            assertThat(offer.path("available").asInt()).isPositive();
            assertThat(offer.path("totalPrice").path("currency").asString()).isEqualTo(demo.city().currency());
        }
        assertThat(offered).isNotEmpty()
                .isSubsetOf(demo.roomTypes().stream().map(DemoWorld.RoomType::name).toList());
    }

    @Test
    void badInputReachesTheClientAsATypedError() {
        DemoWorld.Hotel demo = DemoWorld.small().hotels().getFirst();
        LocalDate checkIn = LocalDate.now().plusDays(30);

        JsonNode response = client.post("{ hotel(id: \"" + demo.id() + "\") { availability(checkIn: \""
                + checkIn + "\", checkOut: \"" + checkIn + "\", guests: 2) { available } } }");

        JsonNode error = response.path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("reason").asString()).isEqualTo("CHECK_OUT_NOT_AFTER_CHECK_IN");
    }
}
