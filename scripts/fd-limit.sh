#!/usr/bin/env bash
# Runs a command with the soft limit on open files raised: every socket a node
# holds is a file descriptor, and a call of thousands needs more than the common
# default of 1,024. The soft limit goes up to WANT (or the hard limit, if lower);
# raising the hard limit itself needs root (see docs/OPERATIONS.md).
set -euo pipefail
want=${EARSHOT_NOFILE:-65536}
soft=$(ulimit -Sn)
hard=$(ulimit -Hn)
if [ "$soft" != unlimited ] && [ "$soft" -lt "$want" ]; then
  target=$want
  if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then target=$hard; fi
  ulimit -Sn "$target"
fi
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt 10240 ]; then
  echo "warning: open-file limit is $(ulimit -Sn): this node cannot hold 10,000 connections (docs/OPERATIONS.md, 'Open files')." >&2
fi
exec "$@"
