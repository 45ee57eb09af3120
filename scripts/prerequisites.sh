#!/usr/bin/env bash
# The Debian packages the test suite runs for real (no stubs): ansible-playbook for jobs, bwrap
# for the job sandbox, Chromium for the browser tests, ssh and sshd for a real SSH target, the
# mariadb client (hostile jobs try to log in with it), fonts for readable screenshots, and the
# tools the build itself may call. Checks that each is there and installs what is missing with
# apt-get (as root, or through password-less sudo). When it cannot install, it stops with one
# line naming exactly what to install.
#
# Called by `./mvnw verify` before the integration tests (skip with -Dprerequisites.skip) and by
# .ci/run. Idempotent, non-interactive, and a few milliseconds when everything is present.
#
# To add a package, add one line to PACKAGES: the Debian package and the file or command that
# shows it is installed. INFRA_CHECK_<PACKAGE> (upper case, - as _) replaces a package's check,
# e.g. INFRA_CHECK_ANSIBLE=/nonexistent to see what happens on a machine without it.
set -euo pipefail

PACKAGES=(
  "ansible            ansible-playbook"
  "bubblewrap         bwrap"
  "chromium           /usr/bin/chromium"
  "openssh-client     ssh"
  "openssh-server     /usr/sbin/sshd"
  "sshpass            sshpass"
  "fonts-dejavu-core  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
  "git                git"
  "unzip              unzip"
  "curl               curl"
  "mariadb-client     mariadb"
  "mariadb-server     /usr/sbin/mariadbd"
)

present() {
  case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing_packages() {
  local entry package check override
  for entry in "${PACKAGES[@]}"; do
    read -r package check <<<"$entry"
    override="INFRA_CHECK_$(printf '%s' "$package" | tr 'a-z-' 'A-Z_')"
    check="${!override:-$check}"
    present "$check" || printf '%s ' "$package"
  done
}

missing=$(missing_packages)
missing=${missing% }
[ -z "$missing" ] && exit 0

install_line="apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Missing Debian packages for the tests: $missing. Install them as root ($install_line) and run again, or skip this check with -Dprerequisites.skip." >&2
  exit 1
fi

echo "Installing the Debian packages the tests need: $missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt-get (a parallel build on the same machine) instead of failing on its lock.
apt=("${as_root[@]}" apt-get -q -o DPkg::Lock::Timeout=300)
"${apt[@]}" update >&2
# shellcheck disable=SC2086 # one word per package
"${apt[@]}" install -y --no-install-recommends $missing >&2

still=$(missing_packages)
still=${still% }
if [ -n "$still" ]; then
  echo "Installed $missing, but these are still not usable: $still (check the apt-get output above)." >&2
  exit 1
fi
