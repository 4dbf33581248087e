# shellcheck shell=bash
# Shared by scripts/run and scripts/test: find Odoo 18 (or install it into
# .local/odoo), find or start PostgreSQL.
# Sourced, not executed. Sets ODOO, ODOO_PYTHON, and PGHOST/PGPORT/PGUSER.
# Reads ODOO_BIN and ODOO_PYTHON (where Odoo and its interpreter are, when
# not found alone), ODOO_SOURCE and VSTBPN_ODOO_HOME (where to install Odoo
# from and to, see bootstrap_odoo), VSTBPN_PRIVATE_PG (always a private
# cluster) and VSTBPN_PG_PORT (its port).

# runuser and the PostgreSQL tools may live in sbin, absent from a bare PATH.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$REPO/.local"
ADDONS_PATH_SUITE="$REPO"
# Every vstbpn_* addon of the checkout, sorted, vstbpn_committee first (the
# others depend on it): a new addon needs no edit here.
SUITE_MODULES="vstbpn_committee"
for manifest in "$REPO"/vstbpn_*/__manifest__.py; do
    m=$(basename "$(dirname "$manifest")")
    if [ -f "$manifest" ] && [ "$m" != vstbpn_committee ]; then
        SUITE_MODULES="$SUITE_MODULES,$m"
    fi
done
unset manifest m

die() { echo "error: $*" >&2; exit 2; }

find_odoo() {
    # Where Odoo comes from, first match wins: ODOO_BIN; the Odoo installed
    # into VSTBPN_ODOO_HOME (asked for with ODOO_SOURCE, or left by an earlier
    # run); `odoo` on the PATH; else install one into VSTBPN_ODOO_HOME now.
    if [ -n "${ODOO_BIN:-}" ]; then
        ODOO=$ODOO_BIN
    elif [ -n "${ODOO_SOURCE:-}" ] || [ -f "$(odoo_home)/installed" ]; then
        bootstrap_odoo
        ODOO="$(odoo_home)/bin/odoo" ODOO_PYTHON="$(odoo_home)/venv/bin/python"
    elif command -v odoo >/dev/null 2>&1; then
        ODOO=$(command -v odoo)
    else
        echo "No Odoo 18.0 was found (no \`odoo\` on the PATH, no ODOO_BIN): installing it into $(odoo_home)"
        bootstrap_odoo
        ODOO="$(odoo_home)/bin/odoo" ODOO_PYTHON="$(odoo_home)/venv/bin/python"
    fi
    if [ ! -x "$ODOO" ]; then
        cat >&2 <<MSG
error: Odoo 18.0 was not found at ODOO_BIN=$ODOO.
Unset ODOO_BIN: scripts/run and scripts/test then use the \`odoo\` on the PATH,
or install Odoo 18.0 into $(odoo_home) themselves (from ODOO_SOURCE, by default
$ODOO_SOURCE_DEFAULT). Or install it by hand, as Odoo's documentation describes:
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo /opt/odoo18
    python3 -m venv /opt/odoo18-venv
    /opt/odoo18-venv/bin/pip install -r /opt/odoo18/requirements.txt   # with setuptools<70 for building sdists
    /opt/odoo18-venv/bin/pip install --no-deps -e /opt/odoo18
    ln -s /opt/odoo18-venv/bin/odoo /usr/local/bin/odoo
and point ODOO_BIN at its odoo-bin.
MSG
        exit 2
    fi
    # The interpreter Odoo runs in (requirements and test tools go there),
    # found before asking `odoo --version` so that a wrapper whose python is
    # gone fails with the advice below rather than with an empty version.
    local python version
    if ! python=$(find_odoo_python); then
        version=$("$ODOO" --version 2>/dev/null | head -n 1)
        case "$version" in
            "" | *"Odoo Server 18.0"*) ;;
            *) refuse_odoo_version "$version" ;;
        esac
        [ -z "${ODOO_PYTHON:-}" ] || die "ODOO_PYTHON=$ODOO_PYTHON does not import Odoo 18.0.
Set ODOO_PYTHON to the interpreter Odoo 18.0 runs in (the python of its virtualenv)."
        die "no Python that imports Odoo 18.0 was found for $ODOO
(tried: $(odoo_python_candidates | tr '\n' ' '))
Set ODOO_PYTHON to the interpreter Odoo 18.0 runs in, e.g. ODOO_PYTHON=/opt/odoo18-venv/bin/python3"
    fi
    ODOO_PYTHON=$python
    version=$("$ODOO" --version 2>/dev/null | head -n 1)
    case "$version" in
        *"Odoo Server 18.0"*) ;;
        *) refuse_odoo_version "$version" ;;
    esac
    export ODOO ODOO_PYTHON
}

refuse_odoo_version() {
    die "$ODOO is not Odoo 18.0 (it says: ${1:-nothing}).
The VSTBPN suite needs Odoo 18.0: point ODOO_BIN at an Odoo 18.0, or set
ODOO_SOURCE (see docs/deployment.md) to have one installed into $(odoo_home)."
}

# Where Odoo's interpreter may be, one a line, most likely first. `odoo` may
# be a python script (its shebang names the interpreter, perhaps through
# env) or a shell wrapper (`exec /x/venv/bin/python /x/odoo-bin "$@"`, as in
# many container images), whose shebang is a shell.
odoo_python_candidates() {
    if [ -n "${ODOO_PYTHON:-}" ]; then
        echo "$ODOO_PYTHON"  # the caller's choice, and the only candidate
        return
    fi
    local real shebang=()
    real=$(readlink -f "$ODOO")
    read -r -a shebang < <(head -n 1 "$real" | sed -n 's/^#!\s*//p') || true
    if [ "$(basename "${shebang[0]:-none}")" = env ]; then
        shebang=("${shebang[@]:1}")
    fi
    {
        case "$(basename "${shebang[0]:-none}")" in
            python*) command -v "${shebang[0]}" || true ;;
            *sh | none)  # a shell wrapper: the absolute paths to a python it names
                head -c 4096 "$real" | tr -s " \t\"';&|()" '\n' | grep -aE '^/.*/python[0-9.]*$' || true ;;
        esac
        echo "$(dirname "$real")/python3"
        command -v python3 || true
    } | awk '!seen[$0]++'
}

# The first candidate that imports Odoo 18.0, as that interpreter names itself.
find_odoo_python() {
    local python
    while read -r python; do
        [ -x "$python" ] || continue
        "$python" -c 'import sys, odoo.release as r
if tuple(r.version_info[:2]) != (18, 0): sys.exit(1)
print(sys.executable)' </dev/null 2>/dev/null && return
    done < <(odoo_python_candidates)
    return 1
}

# ---------------------------------------------------------------------------
# Installing Odoo 18.0 into .local/odoo, when no Odoo is found (find_odoo).
# Where no network reaches GitHub, a local mirror of Odoo's 18.0 tree (this
# workplace keeps one: its commit 9b915ec8 is the stock 18.0 Community tree)
# is the default instead; VSTBPN_ODOO_MIRROR names another.
VSTBPN_ODOO_MIRROR=${VSTBPN_ODOO_MIRROR:-/work/.mirror/ahmadjkff+Odoo18/repo#9b915ec8}
if [ -d "${VSTBPN_ODOO_MIRROR%%#*}" ]; then
    ODOO_SOURCE_DEFAULT=$VSTBPN_ODOO_MIRROR
else
    ODOO_SOURCE_DEFAULT="https://github.com/odoo/odoo.git#18.0"
fi
# What building Odoo's requirements needs from Debian, and what the suite's
# commands need beside them (the private PostgreSQL, the browser tests, and
# printing: wkhtmltopdf, Odoo 18's PDF engine; Tinos, Times New Roman's metric
# twin with the Vietnamese letters; poppler's pdftotext for the print tests).
ODOO_DEBIAN_PACKAGES="git build-essential python3-dev python3-venv libpq-dev libldap2-dev libsasl2-dev postgresql chromium wkhtmltopdf fonts-croscore poppler-utils"

# One line when printed documents cannot be made here, with the command that
# fixes it; nothing when they can.
pdf_engine_advice() {
    local packages=() sudo="sudo "
    command -v wkhtmltopdf >/dev/null 2>&1 || packages+=(wkhtmltopdf)
    fc-list 2>/dev/null | grep -q -e Tinos -e "Times New Roman" || packages+=(fonts-croscore)
    [ ${#packages[@]} != 0 ] || return 0
    [ "$EUID" != 0 ] || sudo=""
    if [ "${packages[0]}" = wkhtmltopdf ]; then
        echo "Printing is off: wkhtmltopdf, Odoo's PDF engine, is missing; fix: ${sudo}apt-get install ${packages[*]}"
    else
        echo "Printed documents lack Times New Roman (or its twin Tinos); fix: ${sudo}apt-get install fonts-croscore"
    fi
}

odoo_home() { echo "${VSTBPN_ODOO_HOME:-$LOCAL/odoo}"; }

BOOT_STEP=0
boot_step() {
    BOOT_STEP=$((BOOT_STEP + 1))
    echo "[Odoo install $BOOT_STEP/6] $*"
}

# Install Odoo 18.0 into $(odoo_home) (VSTBPN_ODOO_HOME, default .local/odoo),
# unless an earlier run did:
#   src/       Odoo's source, from ODOO_SOURCE (default ODOO_SOURCE_DEFAULT):
#              - a git URL, with the branch after "#" (18.0 when none);
#              - a local folder holding Odoo's source (copied as it is, without .git);
#              - a source tarball (.tar.gz, .tgz, .tar.xz, .zip): a path or an http(s) URL.
#   venv/      its virtual environment: Odoo's requirements, this repository's
#              requirements.txt and requirements-dev.txt (the test tools)
#   bin/odoo   the command
#   installed  written last, so that an interrupted install starts again
# Pip uses its usual cache (PIP_CACHE_DIR to choose another): a second install
# builds nothing. VSTBPN_BOOTSTRAP_PYTHON chooses the Python (3.10-3.12).
bootstrap_odoo() {
    local home source python
    home=$(odoo_home)
    mkdir -p "$home" || die "cannot create $home"
    home=$(cd "$home" && pwd)
    exec 9>"$home/.lock"  # one install at a time
    flock 9
    if [ -f "$home/installed" ]; then
        local from
        from=$(sed -n 's/^source=//p' "$home/installed")
        echo "Using Odoo 18.0 installed in $home (from $from)"
        if [ -n "${ODOO_SOURCE:-}" ] && [ "$ODOO_SOURCE" != "$from" ]; then
            echo "  ODOO_SOURCE=$ODOO_SOURCE is not where it came from: remove $home to install from there"
        fi
        exec 9>&-
        return 0
    fi
    source=${ODOO_SOURCE:-$ODOO_SOURCE_DEFAULT}
    echo "Installing Odoo 18.0 into $home from $source (a few minutes, once)"
    rm -rf "$home/src" "$home/venv" "$home/bin" "$home/src.unpack" "$home/src.download"

    boot_step "Debian packages"
    bootstrap_debian_packages

    python=$(bootstrap_python) || die "no Python 3.10-3.12 with venv was found (python3 -m venv must work):
install Debian's python3 and python3-venv, or set VSTBPN_BOOTSTRAP_PYTHON"

    boot_step "Odoo's source from $source"
    odoo_fetch_source "$source" "$home/src" "$python"
    local series
    series=$("$python" -c 'import runpy, sys
info = runpy.run_path(sys.argv[1])["version_info"]
print("%s.%s" % info[:2])' "$home/src/odoo/release.py" 2>/dev/null) \
        || die "$source holds no Odoo source (no odoo/release.py)"
    [ "$series" = 18.0 ] || die "$source is Odoo $series, not Odoo 18.0: the VSTBPN suite needs 18.0"

    boot_step "Python virtual environment ($("$python" --version 2>&1)) in $home/venv"
    "$python" -m venv "$home/venv" || die "creating the virtual environment failed"
    local pip=("$home/venv/bin/python" -m pip --disable-pip-version-check)
    # An old pip ignores PIP_BUILD_CONSTRAINT, and its sdists then fail on pkg_resources.
    "${pip[@]}" install -q --upgrade pip || die "upgrading pip failed"

    boot_step "Odoo's requirements and this repository's (pip)"
    # Odoo 18.0's pinned sdists (cbor2, ...) import pkg_resources, gone from setuptools 70.
    echo "setuptools<70" >"$home/build-constraints.txt"
    # At run time, gevent 22.10 (Odoo's pin for Python 3.11) loads its plugins
    # through pkg_resources, whose setuptools<70 cannot find today's
    # zope.interface (zope_interface-*.dist-info): Odoo's websocket process
    # would then die at every start. setuptools 70-80 finds it.
    PIP_BUILD_CONSTRAINT="$home/build-constraints.txt" "${pip[@]}" install --progress-bar on \
        -r "$home/src/requirements.txt" -r "$REPO/requirements.txt" "setuptools>=70,<81" \
        || die "installing Odoo's requirements failed (see pip's messages above)"

    boot_step "the test tools (requirements-dev.txt)"
    PIP_BUILD_CONSTRAINT="$home/build-constraints.txt" "${pip[@]}" install -q -r "$REPO/requirements-dev.txt" \
        || die "installing requirements-dev.txt failed"

    boot_step "the odoo command: $home/bin/odoo"
    local site
    site=$("$home/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$home/src" >"$site/odoo-source.pth"  # `import odoo` finds the source, as `pip install -e` would
    mkdir -p "$home/bin"
    # A python script, as pip's console scripts and odoo-bin are: its first
    # line names the interpreter.
    cat >"$home/bin/odoo" <<PY
#!$home/venv/bin/python
# Odoo 18.0, installed by the VSTBPN scripts from $source
import os

os.environ["TZ"] = "UTC"  # as odoo-bin: before the time module is imported
import odoo  # noqa: E402

if __name__ == "__main__":
    odoo.cli.main()
PY
    chmod 755 "$home/bin/odoo"
    "$home/bin/odoo" --version 2>/dev/null | grep -q "Odoo Server 18.0" || die "$home/bin/odoo does not run"
    printf 'source=%s\npython=%s\ndate=%s\n' "$source" "$python" "$(date -u +%FT%TZ)" >"$home/installed"
    echo "Odoo 18.0 is installed in $home; later runs use it (remove the folder to install again)"
    exec 9>&-
}

# As root on Debian: install what building Odoo's requirements and running the
# suite need, when missing. Otherwise say what may be missing.
bootstrap_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { echo "  not a Debian system: skipped"; return 0; }
    local package missing=""
    for package in $ODOO_DEBIAN_PACKAGES; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing="$missing $package"
    done
    if [ -z "$missing" ]; then
        echo "  all present"
    elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "  apt-get install$missing"
        # shellcheck disable=SC2086
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing; } \
            || die "installing Debian packages failed:$missing"
    else
        echo "  not root: skipped; pip may need:$missing"
    fi
}

# The Python to build the virtual environment with, as a path.
bootstrap_python() {
    local candidate
    for candidate in ${VSTBPN_BOOTSTRAP_PYTHON:-} python3 python3.12 python3.11 python3.10; do
        command -v "$candidate" >/dev/null 2>&1 || continue
        "$candidate" -c 'import sys, venv, ensurepip
sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null || continue
        command -v "$candidate"
        return 0
    done
    return 1
}

# odoo_fetch_source SOURCE DEST PYTHON: Odoo's source tree into DEST.
odoo_fetch_source() {
    local source=$1 dest=$2 python=$3
    case "$source" in
        *.tar.gz | *.tgz | *.tar.xz | *.tar.bz2 | *.tar | *.zip)
            local archive=$source
            case "$source" in
                http://* | https://*)
                    archive="$dest.download"
                    echo "  downloading $source"
                    "$python" -c 'import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1]) as r, open(sys.argv[2], "wb") as f:
    shutil.copyfileobj(r, f)' "$source" "$archive" || die "downloading $source failed"
                    ;;
            esac
            [ -f "$archive" ] || die "ODOO_SOURCE=$source: no such file"
            mkdir -p "$dest.unpack"
            "$python" -c 'import shutil, sys; shutil.unpack_archive(sys.argv[1], sys.argv[2])' \
                "$archive" "$dest.unpack" || die "unpacking $source failed"
            # a tarball holds one folder (odoo-18.0.post.../) or the tree itself
            local inner
            inner=$(find "$dest.unpack" -mindepth 1 -maxdepth 1)
            if [ "$(echo "$inner" | wc -l)" = 1 ] && [ -d "$inner" ] && [ ! -d "$dest.unpack/odoo" ]; then
                mv "$inner" "$dest" && rmdir "$dest.unpack"
            else
                mv "$dest.unpack" "$dest"
            fi
            rm -f "$dest.download"
            ;;
        *)
            local gitdir=${source%%#*}
            if [ -d "$gitdir" ] && git --git-dir="$gitdir" rev-parse --git-dir >/dev/null 2>&1 \
                && [ ! -f "$gitdir/odoo/release.py" ]; then
                # A local git repository (bare, as the mirrors here are), with the
                # commit or branch after "#": its tree at that commit, without history.
                local rev=18.0
                case "$source" in *"#"*) rev=${source#*#} ;; esac
                echo "  git archive $rev of $gitdir"
                mkdir -p "$dest"
                git --git-dir="$gitdir" archive --format=tar "$rev" | tar -C "$dest" -xf - \
                    || die "git archive of $rev in $gitdir failed"
            elif [ -d "$source" ]; then
                [ -f "$source/odoo/release.py" ] || die "ODOO_SOURCE=$source holds no Odoo source (no odoo/release.py)"
                echo "  copying the folder (without .git)"
                mkdir -p "$dest"
                tar -C "$source" --exclude=./.git --exclude=__pycache__ -cf - . | tar -C "$dest" -xf - \
                    || die "copying $source failed"
            else
                local url=${source%%#*} branch=18.0
                case "$source" in *"#"*) branch=${source#*#} ;; esac
                command -v git >/dev/null 2>&1 || die "git is needed to fetch $url"
                git clone --depth 1 --branch "$branch" --progress "$url" "$dest" \
                    || die "git clone of $url (branch $branch) failed"
            fi
            ;;
    esac
}

pg_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    dirname "$(command -v initdb || echo /usr/bin/initdb)"
}

# Run a PostgreSQL server binary; the server refuses to run as root. (From /:
# the postgres user may not be able to enter the current folder.)
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

PG_STARTED_HERE=""
PG_DIR=""  # the private cluster's folder: data/, initdb.log, server.log
# A tag of this checkout, so that two checkouts never share a cluster.
REPO_TAG="$(id -u)-$(echo "$REPO" | md5sum | cut -c1-8)"

# Choose PG_DIR: .local/NAME (NAME: pg unless given; git-ignored), unless we
# are root and the postgres user, which runs the server, cannot enter the
# checkout (say, one in /root, mode 0700). Then a folder of its own in
# /var/tmp, which survives reboots as the demo database should.
private_pg_dir() {
    local name=${1:-pg}
    PG_DIR="$LOCAL/$name"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] || return 0
    chown postgres "$PG_DIR"
    chmod 755 "$LOCAL" 2>/dev/null || true
    runuser -u postgres -- test -x "$PG_DIR" -a -w "$PG_DIR" && return 0
    rmdir "$PG_DIR" 2>/dev/null || true
    PG_DIR="/var/tmp/vstbpn-$name-$REPO_TAG"
    # /var/tmp is writable by all: create the folder as root (nobody else can
    # then replace it), and refuse one that another user made or a symlink.
    if [ ! -e "$PG_DIR" ] && [ ! -L "$PG_DIR" ]; then
        mkdir -m 700 "$PG_DIR" || die "cannot create $PG_DIR"
        chown postgres "$PG_DIR"
    fi
    if [ -L "$PG_DIR" ] || [ ! -d "$PG_DIR" ] || [ "$(stat -c %U "$PG_DIR")" != postgres ]; then
        die "$PG_DIR is not a folder of the postgres user; remove it"
    fi
    chmod 700 "$PG_DIR"
    echo "The postgres user cannot enter $LOCAL: the private PostgreSQL cluster lives in $PG_DIR"
}

# Use the server libpq's environment points to; where none answers, start a
# private cluster in PG_DIR (see private_pg_dir) and stop it when the caller exits.
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
    private_pg_dir
    data="$PG_DIR/data"
    # A short socket directory: unix socket paths are limited to 107 bytes.
    socket="/tmp/vstbpn-pg-$REPO_TAG"
    port=${VSTBPN_PG_PORT:-54329}
    mkdir -p "$socket"
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$socket"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        echo "Creating a private PostgreSQL cluster in $data"
        as_pg_owner "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    export PGHOST="$socket" PGPORT="$port" PGUSER=odoo
    unset PGPASSWORD PGDATABASE
    if ! pg_isready -q -t 1 2>/dev/null; then
        as_pg_owner "$bindir/pg_ctl" -D "$data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-k $socket -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null \
            || { tail -n 20 "$PG_DIR/server.log" >&2; die "the private PostgreSQL did not start"; }
        PG_STARTED_HERE="$data"
        echo "Started a private PostgreSQL in $data (socket $socket, port $port)"
    fi
}

stop_private_postgres() {
    if [ -n "$PG_STARTED_HERE" ]; then
        as_pg_owner "$(pg_bindir)/pg_ctl" -D "$PG_STARTED_HERE" -m fast -w stop >/dev/null 2>&1 || true
        PG_STARTED_HERE=""
    fi
}

# ---------------------------------------------------------------------------
# The PostgreSQL of the multi-worker layout on one machine (scripts/deploy-local,
# scripts/loadtest): a primary and its streaming replica, each a private
# cluster with its own folder (.local/scale-primary, .local/scale-replica),
# socket and port (VSTBPN_SCALE_PG_PORT, default 54331, and the next one);
# VSTBPN_SCALE_HOME puts both folders elsewhere (primary/, replica/).
SCALE_STARTED_CLUSTERS=() SCALE_STARTED_SOCKETS=()
SCALE_SLOT=vstbpn_replica

scale_postgres_settings() {
    SCALE_PRIMARY_PORT=${VSTBPN_SCALE_PG_PORT:-54331}
    SCALE_REPLICA_PORT=$((SCALE_PRIMARY_PORT + 1))
    # Short socket folders: unix socket paths are limited to 107 bytes.
    SCALE_PRIMARY_SOCKET="/tmp/vstbpn-pgp-$REPO_TAG-$SCALE_PRIMARY_PORT"
    SCALE_REPLICA_SOCKET="/tmp/vstbpn-pgr-$REPO_TAG-$SCALE_REPLICA_PORT"
    if [ -n "${VSTBPN_SCALE_HOME:-}" ]; then  # both clusters in a folder of the caller's
        SCALE_PRIMARY_DIR="$VSTBPN_SCALE_HOME/primary"
        SCALE_REPLICA_DIR="$VSTBPN_SCALE_HOME/replica"
        mkdir -p "$SCALE_PRIMARY_DIR" "$SCALE_REPLICA_DIR"
        if [ "$(id -u)" = 0 ]; then chown postgres "$SCALE_PRIMARY_DIR" "$SCALE_REPLICA_DIR"; fi
        return
    fi
    private_pg_dir scale-primary >/dev/null
    SCALE_PRIMARY_DIR=$PG_DIR
    private_pg_dir scale-replica >/dev/null
    SCALE_REPLICA_DIR=$PG_DIR
}

# scale_pg_start DIR SOCKET PORT: start the cluster in DIR/data unless it runs.
scale_pg_start() {
    local dir=$1 socket=$2 port=$3
    mkdir -p "$socket"
    if [ "$(id -u)" = 0 ]; then chown postgres "$socket"; fi
    # A server still shutting down (another script stopping it) rejects
    # connections: wait until it is gone, then start it again.
    local tries=0
    while PGHOST=$socket PGPORT=$port pg_isready -q -t 1 2>/dev/null; [ $? = 1 ] && [ $tries -lt 120 ]; do
        sleep 1
        tries=$((tries + 1))
    done
    if PGHOST=$socket PGPORT=$port pg_isready -q -t 1 2>/dev/null; then
        echo "  already running: $dir/data (socket $socket, port $port)"
        return
    fi
    # Connections for the workers, the gevent and cron processes and the
    # tools; the replica reads while the primary writes.
    as_pg_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
        -o "-k $socket -p $port -c listen_addresses='' -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=2GB -c hot_standby=on -c hot_standby_feedback=on" \
        start >/dev/null || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL in $dir did not start"; }
    SCALE_STARTED_CLUSTERS+=("$dir/data")
    SCALE_STARTED_SOCKETS+=("$socket")
    echo "  started: $dir/data (socket $socket, port $port)"
}

# scale_postgres_start [REPLICA]: the primary, and the replica unless REPLICA
# is empty; creates them on first use (the replica with pg_basebackup -R and a
# replication slot). Exports PGHOST/PGPORT/PGUSER for the primary.
scale_postgres_start() {
    local with_replica=${1-1} bindir
    bindir=$(pg_bindir)
    [ -x "$bindir/pg_basebackup" ] || die "pg_basebackup was not found (Debian's postgresql package has it)"
    scale_postgres_settings
    echo "== PostgreSQL primary"
    if [ ! -f "$SCALE_PRIMARY_DIR/data/PG_VERSION" ]; then
        echo "  creating $SCALE_PRIMARY_DIR/data"
        as_pg_owner "$bindir/initdb" -D "$SCALE_PRIMARY_DIR/data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$SCALE_PRIMARY_DIR/initdb.log" 2>&1 || { cat "$SCALE_PRIMARY_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    scale_pg_start "$SCALE_PRIMARY_DIR" "$SCALE_PRIMARY_SOCKET" "$SCALE_PRIMARY_PORT"
    export PGHOST=$SCALE_PRIMARY_SOCKET PGPORT=$SCALE_PRIMARY_PORT PGUSER=odoo
    unset PGPASSWORD PGDATABASE
    [ -n "$with_replica" ] || return 0
    echo "== PostgreSQL streaming replica"
    if [ ! -f "$SCALE_REPLICA_DIR/data/PG_VERSION" ]; then
        echo "  copying the primary (pg_basebackup -R, replication slot $SCALE_SLOT)"
        psql -d postgres -qtAc "SELECT pg_drop_replication_slot('$SCALE_SLOT') FROM pg_replication_slots WHERE slot_name = '$SCALE_SLOT'" >/dev/null
        as_pg_owner "$bindir/pg_basebackup" -h "$SCALE_PRIMARY_SOCKET" -p "$SCALE_PRIMARY_PORT" -U odoo \
            -D "$SCALE_REPLICA_DIR/data" -R -X stream -C -S "$SCALE_SLOT" --checkpoint=fast \
            || die "pg_basebackup failed"
    fi
    scale_pg_start "$SCALE_REPLICA_DIR" "$SCALE_REPLICA_SOCKET" "$SCALE_REPLICA_PORT"
    local in_recovery
    in_recovery=$(PGHOST=$SCALE_REPLICA_SOCKET PGPORT=$SCALE_REPLICA_PORT psql -d postgres -tAc "SELECT pg_is_in_recovery()")
    [ "$in_recovery" = t ] || die "the replica in $SCALE_REPLICA_DIR is not in recovery: remove it (scripts/deploy-local --rebuild)"
    echo "  streaming from the primary: $(psql -d postgres -tAc "SELECT count(*) FROM pg_stat_replication") replica(s)"
}

# Stop the clusters that scale_postgres_start started (replica first).
scale_postgres_stop() {
    local i
    for ((i = ${#SCALE_STARTED_CLUSTERS[@]} - 1; i >= 0; i--)); do
        as_pg_owner "$(pg_bindir)/pg_ctl" -D "${SCALE_STARTED_CLUSTERS[$i]}" -m fast -w stop >/dev/null 2>&1 || true
        rmdir "${SCALE_STARTED_SOCKETS[$i]}" 2>/dev/null || true  # empty once the server is gone
    done
    SCALE_STARTED_CLUSTERS=() SCALE_STARTED_SOCKETS=()
}

# Remove both clusters (stopping them first).
scale_postgres_remove() {
    scale_postgres_settings
    local dir
    for dir in "$SCALE_REPLICA_DIR" "$SCALE_PRIMARY_DIR"; do
        if [ -f "$dir/data/postmaster.pid" ]; then
            as_pg_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "${dir:?}/data"
    done
}

# One multi-threaded Odoo process (--workers=0) starts a thread per request
# and hands each a connection of its pool (db_maxconn, 64): at 500 users the
# load test saw "The Connection Pool Is Full" errors. Odoo's own remedy, an
# environment variable, caps its request threads at half the pool (any
# non-numeric value means that); the requests above it wait their turn.
limit_http_threads() {
    export ODOO_MAX_HTTP_THREADS="${ODOO_MAX_HTTP_THREADS:-auto}"
}

odoo_db_args() {
    printf -- '--addons-path=%s,%s --db_host=%s --db_port=%s --db_user=%s --data-dir=%s' \
        "$(odoo_core_addons)" "$ADDONS_PATH_SUITE" "${PGHOST:-}" "${PGPORT:-5432}" "${PGUSER:-$(id -un)}" \
        "$(odoo_data_dir)"
}

# Odoo's files of this checkout's databases (filestore, sessions): in the
# checkout's git-ignored .local, beside its private cluster, never in the
# user's home, where two checkouts' databases of one name (vstbpn_demo) would
# share, and replace, each other's files. VSTBPN_DATA_DIR chooses another.
odoo_data_dir() { echo "${VSTBPN_DATA_DIR:-$LOCAL/data}"; }

# The test files of Odoo's own addons that cover what the suite extends or
# overrides: calendar (events, attendees: create/write/unlink, record rules),
# hr (employees, jobs), mail's activities (mail.activity._action_done) and
# base's res.users (the users' committees, SELF_READABLE_FIELDS), one a line.
odoo_own_test_files() {
    local dir
    for dir in $(odoo_core_addons | tr ',' ' '); do
        ls "$dir"/calendar/tests/test_*.py "$dir"/hr/tests/test_*.py \
            "$dir"/mail/tests/test_mail_activity.py "$dir"/base/tests/test_res_users.py 2>/dev/null
    done
}

# drop_database NAME: the database and its filestore.
drop_database() {
    dropdb --if-exists "$1" >/dev/null 2>&1 || true
    rm -rf "$(odoo_data_dir)/filestore/$1"
}

# A database built before its files moved into the checkout keeps them:
# copy them from Odoo's default folder in the user's home, once.
adopt_home_filestore() {
    local db=$1 home_store
    home_store="${HOME:-/nonexistent}/.local/share/Odoo/filestore/$1"
    if [ -d "$home_store" ] && [ ! -e "$(odoo_data_dir)/filestore/$db" ]; then
        mkdir -p "$(odoo_data_dir)/filestore"
        cp -a "$home_store" "$(odoo_data_dir)/filestore/$db"
        echo "Copied the files of $db from $home_store into $(odoo_data_dir)"
    fi
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
