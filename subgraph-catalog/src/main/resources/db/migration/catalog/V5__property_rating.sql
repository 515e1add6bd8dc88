-- A property's rating as search filters and sorts on it: the average of its reviews and how many there are. The
-- reviews feature maintains it and announces each change as property-rated on catalog.property; search re-reads the
-- property from here on any event of that topic, so a new rating reaches the index with no change to search.
CREATE TABLE property_rating (
  property_id  uuid          PRIMARY KEY REFERENCES property (id) ON DELETE CASCADE,
  average      numeric(4, 2) NOT NULL CHECK (average BETWEEN 0 AND 5),
  review_count integer       NOT NULL CHECK (review_count >= 0)
);

-- the re-index reads published hotels in id order, a page at a time
CREATE INDEX property_published_idx ON property (id) WHERE status = 'PUBLISHED' AND kind = 'HOTEL';
