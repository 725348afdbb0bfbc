#!/usr/bin/env bash
# The services popliteal's tests need beyond Python: Debian's Chromium (browser tests),
# PostgreSQL (the store tests on a second database) and wrk (the HTTP benchmark).
#
#   source .ci/services.sh                 # from .ci/run: install what is missing, start a
#                                          # throwaway PostgreSQL cluster, export
#                                          # POPLITEAL_TEST_POSTGRES_URL, stop it on EXIT
#   eval "$(bash .ci/services.sh start)"   # by hand: the same, printing the export line
#   bash .ci/services.sh stop              # stop the cluster and delete its files
#
# The cluster is new every time: initdb runs as the postgres user in a temporary folder, the
# server listens on 127.0.0.1 only, at a free port, and its superuser password is made up at
# start and never written into the repository.

STATE_FILE="${POPLITEAL_SERVICES_STATE:-${TMPDIR:-/tmp}/popliteal-services.state}"
PACKAGES=(chromium postgresql wrk)

log() { echo "services: $*" >&2; }

install_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  pg_bin >/dev/null 2>&1 || missing+=(postgresql)
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi
  log "installing ${missing[*]} (of ${PACKAGES[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
}

pg_bin() {
  # The newest PostgreSQL that Debian's packages put under /usr/lib/postgresql.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_postgres() {
  local bin dir port password
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/popliteal-pg.XXXXXX")
  chown postgres: "$dir"
  chmod 700 "$dir"
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" > "$dir/pwfile"
  chown postgres: "$dir/pwfile"
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
    start >&2
  printf 'PG_DIR=%q\nPG_BIN=%q\n' "$dir" "$bin" > "$STATE_FILE"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
  echo "export POPLITEAL_TEST_POSTGRES_URL=postgresql://postgres:${password}@127.0.0.1:${port}/postgres"
}

stop_postgres() {
  [ -f "$STATE_FILE" ] || return 0
  # shellcheck disable=SC1090
  . "$STATE_FILE"
  if [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$PG_DIR" "$STATE_FILE"
  log "PostgreSQL stopped"
}

popliteal_services_stop() {
  stop_postgres
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced: leave the caller's shell options alone, and stop the cluster when it exits.
  stop_postgres
  install_packages
  popliteal_services_exports=$(start_postgres) || return 1
  eval "$popliteal_services_exports"
  trap popliteal_services_stop EXIT
  return 0
fi

set -euo pipefail
case "${1:-}" in
  start)
    stop_postgres
    install_packages
    start_postgres
    ;;
  stop)
    stop_postgres
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
