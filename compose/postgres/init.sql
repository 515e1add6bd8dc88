-- Runs once, when the compose PostgreSQL starts on an empty volume.
-- One database per subgraph, all owned by the application role: each subgraph migrates its own with Flyway.
--
-- LOCAL DEVELOPMENT ONLY: 'stay-local-dev' is a published, well-known password for this compose stack.
-- It is not a secret; never reuse it for a database that anything but your own machine can reach.
CREATE ROLE stay LOGIN PASSWORD 'stay-local-dev';

CREATE DATABASE catalog OWNER stay;
CREATE DATABASE booking OWNER stay;
CREATE DATABASE users OWNER stay;
