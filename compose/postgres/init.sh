#!/bin/sh
# Runs once, when the compose PostgreSQL starts on an empty volume. One database per subgraph, all owned by the
# application role, whose password comes from the environment (STAY_DB_PASSWORD, from .env): each subgraph migrates
# its own database with Flyway.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$STAY_DB_PASSWORD" <<'SQL'
CREATE ROLE stay LOGIN PASSWORD :'password';
CREATE DATABASE catalog OWNER stay;
CREATE DATABASE booking OWNER stay;
CREATE DATABASE users OWNER stay;
SQL
