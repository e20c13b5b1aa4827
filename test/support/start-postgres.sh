#!/usr/bin/env bash
# Makes a local PostgreSQL available for the store tests and prints its URL on the last line.
# Root on Debian: installs Debian's postgresql package if needed and starts its cluster.
# Anywhere else it prints nothing and exits 1, and the PostgreSQL tests are skipped.
set -euo pipefail

if [ "$(id -u)" != 0 ] || [ ! -f /etc/debian_version ]; then
  echo "PostgreSQL: not root on Debian; skipping the PostgreSQL store tests (set TEST_DATABASE_URL to run them)" >&2
  exit 1
fi
if ! ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'masthead'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role masthead login password 'masthead'\"" >&2
su postgres -c "psql -qtAc \"select 1 from pg_database where datname = 'masthead_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O masthead masthead_test" >&2
echo "postgres://masthead:masthead@127.0.0.1:5432/masthead_test"
