#!/bin/sh
# Runs once, as the image's superuser, when the PostgreSQL volume is first initialised: creates the
# owner role (migrations) and the API's restricted role (docs/decisions/0006-database-roles.md) and
# hands the database to the owner; and the portal's role with a database of its own (its sessions).
# The superuser is not used again.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$SPINDELN_OWNER_PASSWORD" -v api_password="$SPINDELN_API_PASSWORD" \
  -v portal_password="$SPINDELN_PORTAL_PASSWORD" \
  -v db="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE ROLE spindeln_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'owner_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_owner') \gexec
SELECT format('CREATE ROLE spindeln_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'api_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_api') \gexec
SELECT format('ALTER DATABASE %I OWNER TO spindeln_owner', :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO spindeln_api', :'db') \gexec
SELECT format('CREATE ROLE spindeln_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'portal_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_portal') \gexec
SELECT 'CREATE DATABASE spindeln_portal OWNER spindeln_portal'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'spindeln_portal') \gexec
SQL
