/**
 * Restaurants, the owner's side: what a restaurant is (its page, {@code _entities}, an owner's list:
 * {@link dev.stay.catalog.restaurant.RestaurantController}, {@link dev.stay.catalog.restaurant.RestaurantRepository})
 * and how owners run it, one class per use case ({@code CreatingRestaurant}, {@code EditingRestaurant},
 * {@code PublishingRestaurant}, {@code RestaurantPhotos}, {@code RestaurantTables}) around the one step every change
 * goes through, {@code RestaurantChange} (sign-in and ownership, lock, version, whole validation, bump, outbox).
 *
 * <p>Rules: {@code RestaurantRules} (with the hotels' {@code onboarding.Rules} for texts, addresses, zones,
 * currencies, photos) and {@code OpeningHours} (a week of service periods, overlaps across midnight included).
 * Every change publishes the whole restaurant as {@code restaurant-changed} on {@code catalog.restaurant}
 * ({@code RestaurantAnnouncement}); booking sells tables under that copy.
 *
 * <p>Rating and reviews of a restaurant are resolved by the restaurant reviews feature, from {@link
 * dev.stay.catalog.restaurant.Restaurant#id()}; search reads restaurants through
 * {@link dev.stay.catalog.restaurant.Restaurants}.
 */
package dev.stay.catalog.restaurant;
