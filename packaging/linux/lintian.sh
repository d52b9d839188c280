#!/usr/bin/env bash
# Checks .debs with lintian; fails on errors and warnings except the tags
# below, which do not apply to a package an office installs itself:
#   bogus-mail-host*: there is no maintainer mailbox of a Debian archive;
#   hardening-no-pie: Go links its own runtime non-PIE by default, and
#     building the cgo GUI position-independent costs another cold build;
#   no-manual-page: usage is in replydesk --help, in Chinese.
# Usage: packaging/linux/lintian.sh FILE.deb...
set -euo pipefail
command -v lintian >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends lintian >/dev/null; }
start=$(date +%s)
lintian --fail-on error,warning --tag-display-limit 0 \
  --suppress-tags bogus-mail-host,bogus-mail-host-in-debian-changelog,hardening-no-pie,no-manual-page "$@"
echo "lintian: $* clean ($(($(date +%s) - start)) s)"
