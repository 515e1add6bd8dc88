package dev.stay.catalog.review;

import dev.stay.codegen.catalog.types.ReviewSort;
import java.util.List;

/** The schema's {@code ReviewConnection}: a page of reviews and whether more follow. */
record ReviewPage(List<Edge> edges, PageInfo pageInfo) {

    record Edge(Review node, String cursor) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    /** A page from up to {@code first + 1} reviews read: the extra one only says that more follow. */
    static ReviewPage of(List<Review> read, int first, ReviewSort sort) {
        List<Edge> edges = read.stream().limit(first)
                .map(r -> new Edge(r, ReviewCursor.of(sort, r).encode())).toList();
        return new ReviewPage(edges, new PageInfo(read.size() > first,
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
