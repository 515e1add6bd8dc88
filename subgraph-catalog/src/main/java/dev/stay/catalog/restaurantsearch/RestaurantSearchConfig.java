package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.IndexRebuild;
import dev.stay.catalog.search.SearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The restaurants' index is rebuilt as hotels' is ({@link IndexRebuild}: built at start when missing, and by
 * {@code POST /actuator/searchindex} with hotels', alias swap).
 */
@Configuration
class RestaurantSearchConfig {

    @Bean
    IndexRebuild<IndexedRestaurant> restaurantReindexing(RestaurantIndex index, RestaurantDocuments documents,
                                                         SearchProperties settings) {
        return new IndexRebuild<>("restaurants", index, documents, settings);
    }
}
