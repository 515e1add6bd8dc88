-- Restaurants: what a restaurant is, when it serves, how long a party keeps a table, what a deposit is, and its
-- tables. Booking keeps its own copy of what it sells under (catalog.restaurant's restaurant-changed events).

-- the controlled vocabulary of schema/catalog's Cuisine enum
CREATE TYPE cuisine AS ENUM (
  'AFRICAN', 'AMERICAN', 'BARBECUE', 'BRAZILIAN', 'CAFE', 'CHINESE', 'FRENCH', 'FUSION', 'GREEK', 'INDIAN',
  'ITALIAN', 'JAPANESE', 'KOREAN', 'LEBANESE', 'MEDITERRANEAN', 'MEXICAN', 'MIDDLE_EASTERN', 'PERUVIAN', 'PIZZA',
  'PORTUGUESE', 'SEAFOOD', 'SPANISH', 'STEAKHOUSE', 'SUSHI', 'THAI', 'TURKISH', 'VEGAN', 'VEGETARIAN', 'VIETNAMESE');
CREATE TYPE table_area AS ENUM ('INSIDE', 'TERRACE', 'BAR');

CREATE TABLE restaurant (
  id                       uuid PRIMARY KEY,
  owner_id                 uuid            NOT NULL,
  status                   property_status NOT NULL DEFAULT 'DRAFT',
  name                     text            NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description              text            NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  cuisines                 cuisine[]       NOT NULL CHECK (cardinality(cuisines) BETWEEN 1 AND 5),
  price_range              smallint        NOT NULL CHECK (price_range BETWEEN 1 AND 4),
  street                   text            NOT NULL,
  city                     text            NOT NULL,
  region                   text,
  country                  char(2)         NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  postal_code              text,
  lat                      double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon                      double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  time_zone                text            NOT NULL,
  currency                 char(3)         NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- start times are every slot_minutes from the start of a service period
  slot_minutes             smallint        NOT NULL DEFAULT 15 CHECK (slot_minutes IN (5, 10, 15, 20, 30, 60)),
  -- per guest, in the currency; 0 for none
  deposit_per_guest        numeric(19,4)   NOT NULL DEFAULT 0 CHECK (deposit_per_guest >= 0 AND deposit_per_guest <= 10000),
  -- cancelling up to this many hours before the reservation's time refunds the deposit; later, it is kept
  deposit_refundable_hours smallint        NOT NULL DEFAULT 24 CHECK (deposit_refundable_hours BETWEEN 0 AND 720),
  version                  integer         NOT NULL DEFAULT 1,
  created_at               timestamptz     NOT NULL DEFAULT now(),
  updated_at               timestamptz     NOT NULL DEFAULT now()
);
CREATE INDEX restaurant_owner_idx ON restaurant (owner_id, created_at DESC, id DESC);

CREATE TABLE restaurant_photo (
  restaurant_id uuid    NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  position      integer NOT NULL CHECK (position >= 0),
  url           text    NOT NULL CHECK (url ~ '^https://' AND length(url) <= 2048),
  caption       text    CHECK (length(caption) <= 300),
  PRIMARY KEY (restaurant_id, position)
);

-- A service period on a weekday (ISO: 1 Monday .. 7 Sunday), local time. closes <= opens crosses midnight: the
-- period ends on the next day (19:00-01:00). Start times are offered while a party's table time ends by closes.
CREATE TABLE restaurant_service_period (
  restaurant_id uuid     NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  weekday       smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens         time     NOT NULL,
  closes        time     NOT NULL,
  PRIMARY KEY (restaurant_id, weekday, opens)
);

-- Days the restaurant does not serve at all (a period that starts on the day before and crosses midnight still runs).
CREATE TABLE restaurant_closed_date (
  restaurant_id uuid NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  day           date NOT NULL,
  PRIMARY KEY (restaurant_id, day)
);

-- How long a party keeps its table: the row with the smallest up_to_party_size >= the party's size. A restaurant has
-- at least one row; parties larger than the largest are not taken.
CREATE TABLE restaurant_seating_duration (
  restaurant_id     uuid     NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  up_to_party_size  smallint NOT NULL CHECK (up_to_party_size BETWEEN 1 AND 50),
  minutes           smallint NOT NULL CHECK (minutes BETWEEN 15 AND 480),
  PRIMARY KEY (restaurant_id, up_to_party_size)
);

CREATE TABLE restaurant_table (
  id            uuid PRIMARY KEY,
  restaurant_id uuid       NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  label         text       NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
  min_party     smallint   NOT NULL CHECK (min_party BETWEEN 1 AND 50),
  max_party     smallint   NOT NULL CHECK (max_party BETWEEN 1 AND 50),
  area          table_area NOT NULL DEFAULT 'INSIDE',
  -- a removed table takes no new reservations; the ones it has keep it
  removed       boolean    NOT NULL DEFAULT false,
  CHECK (min_party <= max_party)
);
CREATE UNIQUE INDEX restaurant_table_label_idx ON restaurant_table (restaurant_id, lower(label)) WHERE NOT removed;
CREATE INDEX restaurant_table_restaurant_idx ON restaurant_table (restaurant_id);
