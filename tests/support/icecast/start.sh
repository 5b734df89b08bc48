#!/bin/bash
# Starts a real Icecast 2 (Debian's icecast2) on a free loopback port, with its own configuration
# in a temporary folder, and feeds it a generated MP3 tone with ffmpeg. Prints, and only prints,
# the exports the tests read:
#
#   eval "$(tests/support/icecast/start.sh)"
#   ... run the tests ...
#   tests/support/icecast/stop.sh
#
# Icecast refuses to run as root; as root it is told to change to nobody after binding.
set -euo pipefail
# shellcheck source=../processes.sh
source "$(dirname "$0")/../processes.sh"

say() { echo "icecast: $*" >&2; }

for tool in icecast2 ffmpeg python3 curl; do
  command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install icecast2 ffmpeg curl)"; exit 1; }
done

dir=$(mktemp -d /tmp/nicecream-icecast-XXXXXX)
chmod 755 "$dir"
mkdir -p "$dir/log"
chmod 777 "$dir/log"  # icecast writes here after dropping to nobody

port=$(free_port)
source_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
admin_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
mount=/nicecream.mp3

security=""
if [ "$(id -u)" = 0 ]; then
  security="<security><chroot>0</chroot><changeowner><user>nobody</user><group>nogroup</group></changeowner></security>"
fi

cat > "$dir/icecast.xml" <<EOF
<icecast>
  <location>loopback</location>
  <admin>nobody@localhost</admin>
  <hostname>127.0.0.1</hostname>
  <limits>
    <clients>100</clients>
    <sources>4</sources>
    <queue-size>524288</queue-size>
    <client-timeout>30</client-timeout>
    <header-timeout>15</header-timeout>
    <source-timeout>10</source-timeout>
    <burst-size>16384</burst-size>
  </limits>
  <authentication>
    <source-password>$source_password</source-password>
    <relay-password>$source_password</relay-password>
    <admin-user>admin</admin-user>
    <admin-password>$admin_password</admin-password>
  </authentication>
  <listen-socket>
    <port>$port</port>
    <bind-address>127.0.0.1</bind-address>
  </listen-socket>
  <fileserve>1</fileserve>
  <paths>
    <basedir>/usr/share/icecast2</basedir>
    <logdir>$dir/log</logdir>
    <webroot>/usr/share/icecast2/web</webroot>
    <adminroot>/usr/share/icecast2/admin</adminroot>
  </paths>
  <logging>
    <accesslog>access.log</accesslog>
    <errorlog>error.log</errorlog>
    <loglevel>3</loglevel>
  </logging>
  $security
</icecast>
EOF

icecast2 -c "$dir/icecast.xml" >"$dir/icecast.out" 2>&1 &
echo $! >"$dir/icecast.pid"

base="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -sf "$base/status-json.xsl" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "$base/status-json.xsl" >/dev/null || { say "did not start:"; cat "$dir/icecast.out" "$dir/log/error.log" >&2 || true; exit 1; }

ffmpeg -nostdin -loglevel error -re -f lavfi -i "sine=frequency=440:sample_rate=44100" \
  -c:a libmp3lame -b:a 64k -content_type audio/mpeg -f mp3 \
  "icecast://source:$source_password@127.0.0.1:$port$mount" >"$dir/ffmpeg.out" 2>&1 &
echo $! >"$dir/ffmpeg.pid"

for _ in $(seq 100); do
  curl -sf "$base/status-json.xsl" | grep -q "\"listenurl\"" && break
  sleep 0.1
done
curl -sf "$base/status-json.xsl" | grep -q "\"listenurl\"" || { say "ffmpeg did not mount $mount:"; cat "$dir/ffmpeg.out" >&2; exit 1; }

say "running on $base$mount (folder $dir)"
echo "export NICECREAM_TEST_ICECAST=$base"
echo "export NICECREAM_TEST_ICECAST_MOUNT=$mount"
echo "export NICECREAM_TEST_ICECAST_ADMIN=admin:$admin_password"
echo "export NICECREAM_TEST_ICECAST_DIR=$dir"
