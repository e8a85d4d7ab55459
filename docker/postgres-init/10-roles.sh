#!/bin/sh
# Runs once, as the image's superuser, when the PostgreSQL volume is first initialised: creates the
# owner role (migrations) and the API's restricted role (docs/decisions/0006-database-roles.md) and
# hands the database to the owner. The superuser is not used again.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$SPINDELN_OWNER_PASSWORD" -v api_password="$SPINDELN_API_PASSWORD" \
  -v db="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE ROLE spindeln_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'owner_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_owner') \gexec
SELECT format('CREATE ROLE spindeln_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'api_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_api') \gexec
SELECT format('ALTER DATABASE %I OWNER TO spindeln_owner', :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO spindeln_api', :'db') \gexec
SQL
