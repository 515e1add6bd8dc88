package dev.stay.catalog.restaurant;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.CreateRestaurantInput;
import dev.stay.codegen.catalog.types.PhotoInput;
import dev.stay.codegen.catalog.types.RestaurantTableInput;
import dev.stay.codegen.catalog.types.UpdateRestaurantInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Owners' mutations of restaurants. Each answers with the restaurant as it now stands, read as its page reads it. */
@Controller
class RestaurantOwnerController {

    record RestaurantPayload(Restaurant restaurant, List<FieldError<CatalogErrorCode>> errors) {}

    private final CreatingRestaurant creating;
    private final EditingRestaurant editing;
    private final PublishingRestaurant publishing;
    private final RestaurantPhotos photos;
    private final RestaurantTables tables;
    private final Restaurants restaurants;

    RestaurantOwnerController(CreatingRestaurant creating, EditingRestaurant editing, PublishingRestaurant publishing,
                              RestaurantPhotos photos, RestaurantTables tables, Restaurants restaurants) {
        this.creating = creating;
        this.editing = editing;
        this.publishing = publishing;
        this.photos = photos;
        this.tables = tables;
        this.restaurants = restaurants;
    }

    @MutationMapping
    RestaurantPayload createRestaurant(@Argument CreateRestaurantInput input) {
        return payload(creating.create(Viewer.current(), input));
    }

    @MutationMapping
    RestaurantPayload updateRestaurant(@Argument String id, @Argument int version,
                                       @Argument UpdateRestaurantInput input) {
        return payload(editing.update(Viewer.current(), id, version, input));
    }

    @MutationMapping
    RestaurantPayload publishRestaurant(@Argument String id, @Argument int version) {
        return payload(publishing.publish(Viewer.current(), id, version));
    }

    @MutationMapping
    RestaurantPayload unpublishRestaurant(@Argument String id, @Argument int version) {
        return payload(publishing.unpublish(Viewer.current(), id, version));
    }

    @MutationMapping
    RestaurantPayload addRestaurantPhoto(@Argument String restaurantId, @Argument int version,
                                         @Argument PhotoInput input) {
        return payload(photos.add(Viewer.current(), restaurantId, version, input));
    }

    @MutationMapping
    RestaurantPayload removeRestaurantPhoto(@Argument String restaurantId, @Argument int version,
                                            @Argument String url) {
        return payload(photos.remove(Viewer.current(), restaurantId, version, url));
    }

    @MutationMapping
    RestaurantPayload addRestaurantTable(@Argument String restaurantId, @Argument int version,
                                         @Argument RestaurantTableInput input) {
        return payload(tables.add(Viewer.current(), restaurantId, version, input));
    }

    @MutationMapping
    RestaurantPayload updateRestaurantTable(@Argument String id, @Argument int version,
                                            @Argument RestaurantTableInput input) {
        return payload(tables.update(Viewer.current(), id, version, input));
    }

    @MutationMapping
    RestaurantPayload removeRestaurantTable(@Argument String id, @Argument int version) {
        return payload(tables.remove(Viewer.current(), id, version));
    }

    private RestaurantPayload payload(RestaurantOutcome outcome) {
        if (outcome.restaurantId() == null) {
            return new RestaurantPayload(null, outcome.errors());
        }
        return new RestaurantPayload(restaurants.find(List.of(outcome.restaurantId())).get(outcome.restaurantId()),
                List.of());
    }
}
