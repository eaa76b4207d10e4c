#!/usr/bin/env bash
# A private network namespace for media tests: WebRTC skips loopback, so the
# app, LiveKit, rtc-node peers and Chromium run inside a namespace whose only
# non-loopback interfaces are a veth pair with BOTH ends inside it. Nothing in
# it can reach any network outside.
#   scripts/netns.sh up NAME     creates it, prints the address to use (10.77.0.2)
#   scripts/netns.sh down NAME   deletes it
set -euo pipefail
cmd=${1:?usage: netns.sh up|down NAME}
ns=${2:?usage: netns.sh up|down NAME}
case "$cmd" in
  up)
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$ns" link add esv0 type veth peer name esv1
    ip -n "$ns" addr add 10.77.0.2/24 dev esv0
    ip -n "$ns" addr add 10.77.0.3/24 dev esv1
    ip -n "$ns" link set esv0 up
    ip -n "$ns" link set esv1 up
    # Chromium gathers no WebRTC candidates on a machine without a default
    # route. This one leads into the veth pair, whose other end is inside the
    # namespace too: a packet for any other address dies there.
    ip -n "$ns" route add default dev esv0
    echo 10.77.0.2
    ;;
  down)
    # Anything still running in it (a stray server) goes with it.
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
    ;;
  *) echo "usage: netns.sh up|down NAME" >&2; exit 2 ;;
esac
