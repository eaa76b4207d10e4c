#!/usr/bin/env bash
# A throwaway Postgres cluster for tests, benchmarks and migration authoring:
# `scripts/postgres.sh start` prints its URL; `scripts/postgres.sh stop` ends it.
# Listens on 127.0.0.1 only. Needs Debian's postgresql package.
set -euo pipefail
dir="${EARSHOT_PG_DIR:-/tmp/earshot-pg}"
port="${EARSHOT_PG_PORT:-54329}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL server found; install Debian's 'postgresql' package" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
url="postgresql://earshot:earshot@127.0.0.1:${port}/earshot"

case "${1:-start}" in
  start)
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      if [ ! -f "$dir/PG_VERSION" ]; then
        mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
        pwfile=$(mktemp); echo earshot > "$pwfile"; chmod 644 "$pwfile"
        as_pg "$bin/initdb" -D "$dir" -U earshot --pwfile="$pwfile" -A scram-sha-256 >/dev/null
        rm -f "$pwfile"
      fi
      # fsync off: a test cluster trades durability across OS crashes for speed.
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
    fi
    export PGPASSWORD=earshot
    if [ -z "$(psql -h 127.0.0.1 -p "$port" -U earshot -d postgres -tAc "select 1 from pg_database where datname='earshot'")" ]; then
      psql -h 127.0.0.1 -p "$port" -U earshot -d postgres -qc "create database earshot" >/dev/null
    fi
    echo "$url"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
