package dev.stay.catalog.review;

import dev.stay.catalog.property.Hotel;
import dev.stay.catalog.property.Hotels;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.ReplyToReviewInput;
import dev.stay.codegen.catalog.types.ReviewSort;
import dev.stay.codegen.catalog.types.SubmitReviewInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reviews: the guests' mutation, owners' replies, admins' hiding, and the fields they add to Hotel and User. */
@Controller
class ReviewController {

    /** A user as the catalog resolves it for {@code User.reviews}: just its id. Named as its GraphQL type. */
    record User(UUID id) {}

    /** The schema's {@code SubmitReviewPayload} and {@code ReviewPayload}. */
    record ReviewPayload(Review review, List<FieldError<CatalogErrorCode>> errors) {}

    private final SubmittingReview submitting;
    private final ReplyingToReview replying;
    private final HidingReview hiding;
    private final ReviewRepository reviews;
    private final Ratings ratings;
    private final Hotels hotels;

    ReviewController(SubmittingReview submitting, ReplyingToReview replying, HidingReview hiding,
                     ReviewRepository reviews, Ratings ratings, Hotels hotels) {
        this.submitting = submitting;
        this.replying = replying;
        this.hiding = hiding;
        this.reviews = reviews;
        this.ratings = ratings;
        this.hotels = hotels;
    }

    @MutationMapping
    ReviewPayload submitReview(@Argument SubmitReviewInput input) {
        return payload(submitting.submit(Viewer.current(), input));
    }

    @MutationMapping
    ReviewPayload replyToReview(@Argument ReplyToReviewInput input) {
        return payload(replying.reply(Viewer.current(), input));
    }

    @MutationMapping
    ReviewPayload hideReview(@Argument String id) {
        return payload(hiding.hide(Viewer.current(), id));
    }

    /** Every hotel of a response in one statement (a page of search results too). */
    @BatchMapping(typeName = "Hotel")
    Map<Hotel, Rating> rating(List<Hotel> list) {
        Map<UUID, Rating> found = ratings.of(list.stream().map(Hotel::id).toList());
        Map<Hotel, Rating> answer = new LinkedHashMap<>();
        list.forEach(hotel -> answer.put(hotel, found.getOrDefault(hotel.id(), Rating.NONE)));
        return answer;
    }

    @SchemaMapping(typeName = "Hotel")
    ReviewPage reviews(Hotel hotel, @Argument Integer first, @Argument String after, @Argument ReviewSort sort) {
        ReviewSort order = sort == null ? ReviewSort.NEWEST : sort;
        int size = ReviewCursor.first(first);
        return ReviewPage.of(reviews.ofHotel(hotel.id(), order, ReviewCursor.decode(after, order), size), size, order);
    }

    /** The hotel each review is of, from the page cache, all at once; null (not shown) for one no longer visible. */
    @BatchMapping(typeName = "Review", field = "hotel")
    Map<Review, Hotel> hotel(List<Review> list) {
        var viewer = Viewer.current();
        Map<UUID, Hotel> found = hotels.find(list.stream().map(Review::hotelId).distinct().toList());
        Map<Review, Hotel> answer = new LinkedHashMap<>();
        list.forEach(review -> {
            Hotel hotel = found.get(review.hotelId());
            if (hotel != null && hotel.visibleTo(viewer)) {
                answer.put(review, hotel);
            }
        });
        return answer;
    }

    /** Any well-formed id is a user here: the users subgraph answers whether it exists. */
    @EntityMapping
    List<User> user(@Argument List<String> idList) {
        return idList.stream().map(id -> Ids.tryParse(id).map(User::new).orElse(null)).toList();
    }

    /**
     * Public, as the hotel pages that show the same reviews with their author. Also on a hotel's owner and a
     * review's author, which are {@link Hotel.UserRef}s.
     */
    @SchemaMapping(typeName = "User")
    ReviewPage reviews(Object user, @Argument Integer first, @Argument String after) {
        UUID userId = user instanceof User u ? u.id() : ((Hotel.UserRef) user).id();
        int size = ReviewCursor.first(first);
        return ReviewPage.of(reviews.ofAuthor(userId, ReviewCursor.decode(after, ReviewSort.NEWEST), size), size,
                ReviewSort.NEWEST);
    }

    private ReviewPayload payload(ReviewOutcome outcome) {
        return new ReviewPayload(outcome.reviewId() == null ? null : reviews.find(outcome.reviewId()).orElseThrow(),
                outcome.errors());
    }
}
