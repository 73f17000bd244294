#!/usr/bin/env bash
# The two commands of the README: `./smsdesk.sh run` and `./smsdesk.sh test`.
# Each installs whatever Debian packages are missing, configures and builds with Ninja,
# then starts the demo app or runs the whole test suite headless.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

packages=(
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libqt6sql6-sqlite qt6-httpserver-dev
    qt6-websockets-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qtkeychain-qt6-dev libphonenumber-dev libsqlite3-dev libgl-dev libxkbcommon-dev
    cmake ninja-build pkg-config g++ sqlite3 xvfb xauth imagemagick
    gnome-keyring libsecret-1-0 dbus-daemon dbus-x11 clang-format desktop-file-utils appstream
    fonts-noto-color-emoji
)

usage() {
    cat <<USAGE
usage: ./smsdesk.sh run [app options]   install, build, start SMS Desk in demo mode
       ./smsdesk.sh test [ctest options] install, build, run every test headless
       ./smsdesk.sh build [preset]       install and build only (preset: dev, ci, asan, release)
       ./smsdesk.sh fuzz [seconds]       build the fuzz targets with clang's libFuzzer and run
                                         each for that long (default 60) from its seed corpus
USAGE
}

install_missing_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "smsdesk.sh: installing missing packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

# Fails when clang-format would change any tracked C++ file (the committed .clang-format).
check_format() {
    local bad
    bad=$(git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run -Werror 2>&1 | grep -Eo '^[^: ]+\.(cpp|h):[0-9]+:[0-9]+: error' | cut -d: -f1 | sort -u || true)
    if [ -n "$bad" ]; then
        echo "smsdesk.sh: not clang-formatted (run clang-format -i on them):" >&2
        echo "$bad" >&2
        return 1
    fi
}

default_preset() {
    if [ "${CI:-}" = "true" ]; then echo ci; else echo dev; fi
}

# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that
# QtKeychain talks to a real Secret Service and nothing touches the user's own keyring.
with_test_keyring() {
    local kc="$here/build/keyring"
    rm -rf "$kc"
    mkdir -p "$kc/data" "$kc/run"
    chmod 0700 "$kc/run"
    XDG_DATA_HOME="$kc/data" XDG_RUNTIME_DIR="$kc/run" dbus-run-session -- bash -c '
        echo -n smsdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$@"' with-keyring "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    install_missing_packages
    build dev
    app="$here/build/dev/app/desktop/smsdesk"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "smsdesk.sh: no display found; starting under xvfb-run (no window will be visible)" >&2
        exec xvfb-run -a "$app" --demo "$@"
    fi
    exec "$app" --demo "$@"
    ;;
test)
    install_missing_packages
    preset=$(default_preset)
    if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then check_format; fi
    build "$preset"
    with_test_keyring ctest --preset "$preset" "$@"
    ;;
build)
    install_missing_packages
    build "${1:-$(default_preset)}"
    ;;
fuzz)
    install_missing_packages
    packages=(clang libclang-rt-14-dev)
    install_missing_packages
    seconds=${1:-60}
    dir="$here/build/fuzz"
    CC=clang CXX=clang++ cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSMSDESK_FUZZ=ON >/dev/null
    targets=$(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
    # shellcheck disable=SC2086
    cmake --build "$dir" --target $targets
    status=0
    for target in $targets; do
        name=${target#fuzz_}
        # New inputs go to a scratch corpus; the committed seeds are read, never rewritten.
        mkdir -p "$dir/corpus/$name" "$dir/crashes/$name"
        echo "smsdesk.sh: fuzzing $name for ${seconds}s" >&2
        "$dir/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -artifact_prefix="$dir/crashes/$name/" \
            "$dir/corpus/$name" "$here/tests/fuzz/corpus/$name" 2>"$dir/$name.log" || status=1
        tail -n 1 "$dir/$name.log" >&2
    done
    exit $status
    ;;
*)
    usage
    exit 64
    ;;
esac
