#!/bin/sh
# Keycloak's own database and role beside Convene's, made once when the data folder is new
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role keycloak login password '$KEYCLOAK_DB_PASSWORD';
create database keycloak owner keycloak;
revoke all on database keycloak from public;
revoke all on database convene from public;
SQL
