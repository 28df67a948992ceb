# shellcheck shell=bash
# deps.sh - the Debian packages attache needs, and how to build it.
# Sourced (bash, not sh: it uses arrays) by scripts/demo, scripts/test and
# scripts/score-dev; not run on its own.
#
#   need_packages PKG...           install what is missing (root) or say how
#   configure_build DIR [ARGS...]  configure (when needed) and build into DIR
#
# ATTACHE_NO_APT=1 skips the package check (for machines without dpkg, where
# you install the equivalents yourself).

# shellcheck disable=SC2034  # used by the scripts that source this file
# Build: compiler, CMake, and the libraries attache links.
ATTACHE_BUILD_PACKAGES=(cmake gcc make pkg-config libraptor2-dev librdf0-dev libpcre2-dev check)
# shellcheck disable=SC2034
# Tests: rdflib for score.py, rapper for cross-checks, valgrind, GNU parallel
# (fan-out tests), clang + its runtime (libFuzzer), Virtuoso and curl (triple-store tests,
# the README's SPARQL-over-HTTP example).
ATTACHE_TEST_PACKAGES=(python3-rdflib raptor2-utils valgrind parallel clang libclang-rt-14-dev
                       virtuoso-opensource curl)

_attache_apt_updated=${_attache_apt_updated:-0}

# need_packages PKG...
# Returns at once when every PKG is installed. Otherwise, as root, installs the
# missing ones non-interactively (running apt-get update once per shell); as
# anyone else, prints the sudo command that would do it and exits 1.
need_packages() {
    local pkg status
    local -a missing=()
    if [ "${ATTACHE_NO_APT:-0}" = 1 ]; then
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "attache: dpkg-query not found: not a Debian system?" >&2
        echo "attache: install the equivalents of: $*" >&2
        echo "attache: then rerun with ATTACHE_NO_APT=1" >&2
        exit 1
    fi
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null) || status=
        case $status in
            *"ok installed"*) ;;
            *) missing+=("$pkg") ;;
        esac
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi

    if [ "$(id -u)" -ne 0 ]; then
        echo "attache: missing Debian packages: ${missing[*]}" >&2
        echo "attache: install them with (after sudo apt-get update):" >&2
        echo "sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi

    echo "attache: installing ${missing[*]}" >&2
    for pkg in "${missing[@]}"; do
        case $pkg in
            virtuoso-opensource*)
                # The package asks for a dba password; preseed it so the install
                # never prompts and the system database has the usual dba/dba.
                printf '%s\n' \
                    'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba' \
                    'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba' |
                    debconf-set-selections || return 1
                ;;
        esac
    done
    if [ "$_attache_apt_updated" != 1 ]; then
        if ! apt-get update -q >&2; then
            echo "attache: apt-get update failed; trying the install with the old lists" >&2
        fi
        _attache_apt_updated=1
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}" </dev/null >&2; then
        echo "attache: apt-get install ${missing[*]} failed" >&2
        exit 1
    fi
}

# configure_build DIR [CMAKE ARGS...]
# Configures the project into DIR (Release, plus ARGS) when DIR has no
# CMakeCache.txt yet or CMakeLists.txt changed since, then builds it on every
# core. Run from the repository root. Returns non-zero on any failure.
configure_build() {
    local dir=${1:?configure_build: build directory missing}
    shift
    # cmake leaves an unchanged CMakeCache.txt alone, so a stamp of our own
    # tells when it last ran (cmake --build reconfigures by itself after that).
    if [ ! -f "$dir/CMakeCache.txt" ] || [ CMakeLists.txt -nt "$dir/CMakeCache.txt" ] &&
        [ CMakeLists.txt -nt "$dir/.attache-configured" ]; then
        cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" || return 1
        touch "$dir/.attache-configured"
    fi
    cmake --build "$dir" -j"$(nproc)" || return 1
}
