# Shared by scripts/run and scripts/test: find Odoo 18, find or start PostgreSQL.
# Sourced, not executed. Sets ODOO, ODOO_PYTHON, and PGHOST/PGPORT/PGUSER.

# runuser and the PostgreSQL tools may live in sbin, absent from a bare PATH.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$REPO/.local"
ADDONS_PATH_SUITE="$REPO"
SUITE_MODULES="vstbpn_committee"
for m in vstbpn_reporting vstbpn_campaign; do
    [ -f "$REPO/$m/__manifest__.py" ] && SUITE_MODULES="$SUITE_MODULES,$m"
done

die() { echo "error: $*" >&2; exit 2; }

find_odoo() {
    ODOO=${ODOO_BIN:-$(command -v odoo || true)}
    if [ -z "$ODOO" ] || [ ! -x "$ODOO" ]; then
        cat >&2 <<'MSG'
error: Odoo 18.0 was not found (no `odoo` on the PATH and no ODOO_BIN).
Install Odoo 18.0 Community from source, as Odoo's documentation describes:
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo /opt/odoo18
    python3 -m venv /opt/odoo18-venv
    /opt/odoo18-venv/bin/pip install -r /opt/odoo18/requirements.txt   # with setuptools<70 for building sdists
    /opt/odoo18-venv/bin/pip install --no-deps -e /opt/odoo18
    ln -s /opt/odoo18-venv/bin/odoo /usr/local/bin/odoo
or point ODOO_BIN at an existing odoo-bin.
MSG
        exit 2
    fi
    local version
    version=$("$ODOO" --version 2>/dev/null | head -n 1)
    case "$version" in
        *"Odoo Server 18.0"*) ;;
        *) die "$ODOO is not Odoo 18.0 (it says: ${version:-nothing})" ;;
    esac
    # The interpreter Odoo runs in: requirements and test tools go there.
    ODOO_PYTHON=$(head -n 1 "$(readlink -f "$ODOO")" | sed -n 's/^#!\s*//p' | awk '{print $1}')
    case "$ODOO_PYTHON" in
        */env) ODOO_PYTHON=$(command -v python3) ;;
    esac
    [ -x "$ODOO_PYTHON" ] || ODOO_PYTHON=$(command -v python3)
    export ODOO ODOO_PYTHON
}

pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    dirname "$(command -v initdb || echo /usr/bin/initdb)"
}

# Run a PostgreSQL server binary; the server refuses to run as root.
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

PG_STARTED_HERE=""

# Use the server libpq's environment points to; where none answers, start a
# private cluster under .local/pg (git-ignored) and stop it when the caller exits.
ensure_postgres() {
    # A server that answers but would not let Odoo in (no role, or the role
    # "postgres", which Odoo refuses) counts as no server.
    if [ -z "${VSTBPN_PRIVATE_PG:-}" ] && [ "${PGUSER:-$(id -un)}" != postgres ] \
        && psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
        echo "Using the PostgreSQL server at ${PGHOST:-the default socket}:${PGPORT:-5432}"
        return
    fi
    local bindir data socket port
    bindir=$(pg_bindir)
    data="$LOCAL/pg/data"
    # A short socket directory: unix socket paths are limited to 107 bytes.
    socket="/tmp/vstbpn-pg-$(id -u)-$(echo "$REPO" | md5sum | cut -c1-8)"
    port=${VSTBPN_PG_PORT:-54329}
    mkdir -p "$LOCAL/pg" "$socket"
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$LOCAL/pg" "$socket"
        chmod 755 "$LOCAL" 2>/dev/null || true
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        echo "Creating a private PostgreSQL cluster in $data"
        as_pg_owner "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOCAL/pg/initdb.log" 2>&1 \
            || { cat "$LOCAL/pg/initdb.log" >&2; die "initdb failed"; }
    fi
    export PGHOST="$socket" PGPORT="$port" PGUSER=odoo
    unset PGPASSWORD PGDATABASE
    if ! pg_isready -q -t 1 2>/dev/null; then
        as_pg_owner "$bindir/pg_ctl" -D "$data" -l "$LOCAL/pg/server.log" -w -t 60 \
            -o "-k $socket -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null \
            || { tail -n 20 "$LOCAL/pg/server.log" >&2; die "the private PostgreSQL did not start"; }
        PG_STARTED_HERE="$data"
        echo "Started a private PostgreSQL (socket $socket, port $port)"
    fi
}

stop_private_postgres() {
    if [ -n "$PG_STARTED_HERE" ]; then
        as_pg_owner "$(pg_bindir)/pg_ctl" -D "$PG_STARTED_HERE" -m fast -w stop >/dev/null 2>&1 || true
        PG_STARTED_HERE=""
    fi
}

odoo_db_args() {
    printf -- '--addons-path=%s,%s --db_host=%s --db_port=%s --db_user=%s' \
        "$(odoo_core_addons)" "$ADDONS_PATH_SUITE" "${PGHOST:-}" "${PGPORT:-5432}" "${PGUSER:-$(id -un)}"
}

# Odoo's own addons folders, so that an `odoo` with no config file finds them.
odoo_core_addons() {
    "$ODOO_PYTHON" - <<'PY'
import os, odoo
base = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(base, "addons"), os.path.join(os.path.dirname(base), "addons")]
print(",".join(p for p in paths if os.path.isdir(p)))
PY
}
