# Sourced by .ci/run: a PostgreSQL for the store's PostgreSQL tests (StorePostgresTest, TwoServersTest).
# Installs Debian's postgresql when missing, starts a cluster of its own ("ci", port 5433 unless it
# exists with another), makes the role and database, exports TEST_DATABASE_URL and stops the cluster
# at exit if it started it. Anything that fails here only warns: the tests then skip and say why.

start_test_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Installing Debian postgresql for the PostgreSQL tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || { echo "WARNING: postgresql did not install; its tests will skip"; return 0; }
  fi
  local version port status
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version ci"; then
    pg_createcluster "$version" ci --port 5433 >/dev/null || { echo "WARNING: no PostgreSQL cluster; its tests will skip"; return 0; }
  fi
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "ci" {print $3}')
  status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "ci" {print $4}')
  if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" ci start || { echo "WARNING: PostgreSQL did not start; its tests will skip"; return 0; }
    # stopped at exit: this script started it
    trap "pg_ctlcluster $version ci stop >/dev/null 2>&1 || true" EXIT
  fi
  local psql="psql -p $port -qtA" role db
  # read into variables first: a pipe into grep -q could end su early and look like "absent"
  role=$(su postgres -c "$psql -c \"SELECT 1 FROM pg_roles WHERE rolname = 'playground'\"" || true)
  [ "$role" = "1" ] || su postgres -c "$psql -c \"CREATE ROLE playground LOGIN PASSWORD 'playground'\"" >/dev/null \
    || { echo "WARNING: no PostgreSQL role; its tests will skip"; return 0; }
  db=$(su postgres -c "$psql -c \"SELECT 1 FROM pg_database WHERE datname = 'playground_test'\"" || true)
  [ "$db" = "1" ] || su postgres -c "$psql -c 'CREATE DATABASE playground_test OWNER playground'" >/dev/null \
    || { echo "WARNING: no PostgreSQL database; its tests will skip"; return 0; }
  export TEST_DATABASE_URL="postgres://playground:playground@127.0.0.1:$port/playground_test"
  echo "PostgreSQL $version for the tests at 127.0.0.1:$port (TEST_DATABASE_URL)"
}
