-- Properties (hotels now, restaurants later) and the kinds of units they sell.

CREATE TYPE property_kind AS ENUM ('HOTEL', 'RESTAURANT');
CREATE TYPE property_status AS ENUM ('DRAFT', 'PUBLISHED', 'SUSPENDED');
-- the controlled vocabulary of schema/catalog's Amenity enum
CREATE TYPE amenity AS ENUM (
  'WIFI', 'PARKING', 'POOL', 'SPA', 'GYM', 'RESTAURANT', 'BAR', 'AIR_CONDITIONING', 'PET_FRIENDLY',
  'BREAKFAST', 'AIRPORT_SHUTTLE', 'ACCESSIBLE', 'KITCHEN', 'BALCONY', 'SEA_VIEW', 'FAMILY_ROOMS');

CREATE TABLE property (
  id             uuid PRIMARY KEY,
  kind           property_kind   NOT NULL DEFAULT 'HOTEL',
  owner_id       uuid            NOT NULL,
  status         property_status NOT NULL DEFAULT 'DRAFT',
  name           text            NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description    text            NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  stars          integer         NOT NULL CHECK (stars BETWEEN 1 AND 5),
  street         text            NOT NULL,
  city           text            NOT NULL,
  region         text,
  country        char(2)         NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  postal_code    text,
  lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon            double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  time_zone      text            NOT NULL,
  currency       char(3)         NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amenities      amenity[]       NOT NULL DEFAULT '{}',
  check_in_time  time            NOT NULL DEFAULT '15:00',
  check_out_time time            NOT NULL DEFAULT '11:00',
  house_rules    text            NOT NULL DEFAULT '',
  version        integer         NOT NULL DEFAULT 1,
  created_at     timestamptz     NOT NULL DEFAULT now(),
  updated_at     timestamptz     NOT NULL DEFAULT now()
);
CREATE INDEX property_owner_idx ON property (owner_id);

CREATE TABLE property_photo (
  property_id uuid     NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  position    integer  NOT NULL CHECK (position >= 0),
  url         text     NOT NULL CHECK (url ~ '^https://' AND length(url) <= 2048),
  caption     text     CHECK (length(caption) <= 300),
  PRIMARY KEY (property_id, position)
);

CREATE TABLE unit_type (
  id            uuid PRIMARY KEY,
  property_id   uuid      NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  position      integer   NOT NULL CHECK (position >= 0),
  name          text      NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description   text      NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  max_adults    integer   NOT NULL CHECK (max_adults BETWEEN 1 AND 20),
  max_children  integer   NOT NULL DEFAULT 0 CHECK (max_children BETWEEN 0 AND 20),
  beds          text      NOT NULL,
  size_sqm      integer   CHECK (size_sqm > 0),
  amenities     amenity[] NOT NULL DEFAULT '{}',
  default_units integer   NOT NULL CHECK (default_units >= 0),
  removed       boolean   NOT NULL DEFAULT false,
  UNIQUE (property_id, position)
);
CREATE INDEX unit_type_property_idx ON unit_type (property_id);

CREATE TABLE unit_type_photo (
  unit_type_id uuid     NOT NULL REFERENCES unit_type (id) ON DELETE CASCADE,
  position     integer  NOT NULL CHECK (position >= 0),
  url          text     NOT NULL CHECK (url ~ '^https://' AND length(url) <= 2048),
  caption      text     CHECK (length(caption) <= 300),
  PRIMARY KEY (unit_type_id, position)
);
