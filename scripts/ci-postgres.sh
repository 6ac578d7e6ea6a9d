#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for CI (Debian's package, installed when missing) and prints its
# URL on stdout. Needs root (CI runs .ci/run as root). Exits 3 with a message when PostgreSQL is
# not installed and apt-get is unavailable.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  if ! command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed and apt-get is unavailable: skipping the PostgreSQL steps." >&2
    exit 3
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
port=${QK_PG_PORT:-55432}
dir=$(mktemp -d /tmp/qk-pg.XXXXXX)
chown postgres:postgres "$dir"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" --auth=trust -U postgres >&2
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >&2
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres quotakit_ci >&2
echo "$dir" > /tmp/qk-pg.dir
echo "postgres://postgres@127.0.0.1:$port/quotakit_ci"
