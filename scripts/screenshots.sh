#!/usr/bin/env bash
# Screenshots of the reading room on the sample release, as a reporter sees it: the search
# page with facets, the timeline, an email reached from a search beside its page image, with its
# thread and the words matched marked, the
# people, requests and many-queries pages. Into docs/screenshots/, which the README shows.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --browser
bin=.build/release/corpus
port=${PORT:-8093}
out=docs/screenshots
mkdir -p "$out"
source scripts/sample-server.sh
start_sample_server screenshots "$port"
id=$("$bin" search --index "$sample_index" 'subject:"RE: FW: Trial extension"' --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
shoot() { # name path
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1100 \
    --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" > /dev/null 2>&1
  echo "$out/$1.png  ←  http://127.0.0.1:$port$2"
}
shoot search '/?q=vendor%3A%22Clearview%20AI%22%20agency%3ANYPD'
shoot timeline '/timeline?q=vendor%3A%22Clearview%20AI%22&by=agency'
shoot document "/doc/$id?q=accounts%20approval"
shoot people '/people?q=vendor%3A%22Clearview%20AI%22'
shoot requests '/requests'
shoot batch '/batch?list=Clearview%20AI%0ACognitec%0ADataWorks%20Plus%0ANEC%0AKairos%0AAmazon%20Rekognition%0Avendor%3A%22Clearview%20AI%22%20from%3Agmail.com' 
