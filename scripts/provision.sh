#!/usr/bin/env bash
# Provisions the Temporal binaries, offline-first (DESIGN §4). For each tool the first rung that
# works wins, and the report says which:
#   temporal CLI (dev server):      TEMPORAL_CLI_PATH → `temporal` on PATH → .tools/bin/temporal
#                                   → `go install …@v1.5.1` (Go module proxy) → SDK download at run time
#   time-skipping test server:      TEMPORAL_TEST_SERVER_PATH → .tools/bin/temporal-test-server
#                                   → Maven Central (java + mvn) + wrapper → SDK download at run time
# Idempotent: a second run finds everything and returns in a second. When both need building, the
# Go build and the Maven resolve run side by side. Writes .tools/provisioned.json.
# First, provision/system-packages.sh installs Chromium, a CJK font and poppler-utils via apt-get.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
work="$tools/.provision"
mkdir -p "$tools/bin" "$work"

# Later CLI releases carry a `replace` directive that `go install pkg@version` refuses.
CLI_MODULE="github.com/temporalio/cli"
CLI_VERSION="v1.5.1"
# Hash of the CLI module (go.sum form). sum.golang.org is not reachable from registry-only machines,
# so we skip the checksum database for this one module and check it against this pin instead; every
# dependency is still verified by the CLI's own go.sum.
CLI_MODULE_HASH="h1:0RZMk14BWxz44Xg6ciDQvpfAMffoG3J7/K03ql80teY="
TEST_SERVER_VERSION="1.31.0"   # io.temporal:temporal-test-server, see scripts/provision/test-server-pom.xml

log() { printf '[provision] %s\n' "$*"; }
fail() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }
# Result files let the background builds hand back "path<TAB>source".
record() { printf '%s\t%s\n' "$2" "$3" >"$work/$1.result"; }

# ---- temporal CLI -----------------------------------------------------------------------------
cli_found() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
    [ -x "$TEMPORAL_CLI_PATH" ] || fail "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file"
    record cli "$TEMPORAL_CLI_PATH" "TEMPORAL_CLI_PATH"; return 0
  fi
  if command -v temporal >/dev/null 2>&1; then record cli "$(command -v temporal)" "PATH"; return 0; fi
  if [ -x "$tools/bin/temporal" ]; then record cli "$tools/bin/temporal" ".tools/bin (built earlier)"; return 0; fi
  return 1
}

build_cli() {
  local started=$SECONDS gomodcache
  log "temporal CLI: building $CLI_MODULE@$CLI_VERSION with go install (Go module proxy; cold, about 2.5 min on 2 cores: 142 s measured)…"
  # CGO off: the CLI's SQLite is pure Go, and a static binary needs no system libraries.
  if GOBIN="$tools/bin" GOTOOLCHAIN=local CGO_ENABLED=0 GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}$CLI_MODULE" \
    go install -v "$CLI_MODULE/cmd/temporal@$CLI_VERSION" >"$work/go-install.log" 2>&1; then
    gomodcache="$(go env GOMODCACHE)"
    if [ "$(cat "$gomodcache/cache/download/$CLI_MODULE/@v/$CLI_VERSION.ziphash" 2>/dev/null)" != "$CLI_MODULE_HASH" ]; then
      rm -f "$tools/bin/temporal"
      log "temporal CLI: module hash differs from the pinned $CLI_MODULE_HASH; binary removed"
      record cli "" "go install rejected (hash mismatch)"; return 0
    fi
    log "temporal CLI: built in $((SECONDS - started))s"
    record cli "$tools/bin/temporal" "go install $CLI_VERSION (built now)"
  else
    log "temporal CLI: go install failed after $((SECONDS - started))s; last lines of .tools/.provision/go-install.log:"
    tail -n 5 "$work/go-install.log" | sed 's/^/[provision]   /'
    record cli "" "sdk-download (go install failed)"
  fi
}

# ---- time-skipping test server ------------------------------------------------------------------
server_found() {
  if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then
    [ -x "$TEMPORAL_TEST_SERVER_PATH" ] || fail "TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH is not an executable file"
    record server "$TEMPORAL_TEST_SERVER_PATH" "TEMPORAL_TEST_SERVER_PATH"; return 0
  fi
  if [ -x "$tools/bin/temporal-test-server" ] &&
    [ -f "$tools/test-server/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ] &&
    [ -f "$tools/test-server/classes/DubanTestServer.class" ]; then
    record server "$tools/bin/temporal-test-server" ".tools/bin (resolved earlier)"; return 0
  fi
  return 1
}

resolve_server() {
  local started=$SECONDS
  log "test server: resolving io.temporal:temporal-test-server:$TEST_SERVER_VERSION from Maven Central…"
  rm -rf "$tools/test-server/lib"
  mkdir -p "$tools/test-server"
  cp "$root/scripts/provision/test-server-pom.xml" "$tools/test-server/pom.xml"
  # Our launcher (scripts/provision/DubanTestServer.java) adds --start-time to the stock main class.
  if mvn -q -B -f "$tools/test-server/pom.xml" dependency:copy-dependencies -DoutputDirectory=lib \
    >"$work/mvn.log" 2>&1 && [ -f "$tools/test-server/lib/temporal-test-server-$TEST_SERVER_VERSION.jar" ] &&
    javac -d "$tools/test-server/classes" -cp "$tools/test-server/lib/*" \
      "$root/scripts/provision/DubanTestServer.java" >>"$work/mvn.log" 2>&1; then
    install -m 0755 "$root/scripts/provision/temporal-test-server.sh" "$tools/bin/temporal-test-server"
    log "test server: resolved in $((SECONDS - started))s"
    record server "$tools/bin/temporal-test-server" "maven $TEST_SERVER_VERSION (resolved now)"
  else
    log "test server: Maven resolve failed after $((SECONDS - started))s; last lines of .tools/.provision/mvn.log:"
    tail -n 5 "$work/mvn.log" | sed 's/^/[provision]   /'
    record server "" "sdk-download (maven failed)"
  fi
}

# ---- run ----------------------------------------------------------------------------------------
bash "$(dirname "$0")/provision/system-packages.sh" || fail "system packages missing (see above)"
rm -f "$work"/*.result
pids=()
if ! cli_found; then
  if command -v go >/dev/null 2>&1; then
    build_cli & pids+=($!)
  else
    record cli "" "sdk-download (no Go on this machine)"
  fi
fi
if ! server_found; then
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    resolve_server & pids+=($!)
  else
    record server "" "sdk-download (no java+mvn on this machine)"
  fi
fi
if [ "${#pids[@]}" -gt 0 ]; then
  started=$SECONDS
  # A heartbeat, so a CI log shows progress during the long Go build.
  any_running() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
  while any_running; do
    sleep 5
    # Every 30 s: how far the Go build is (go install -v names each package as it compiles it).
    if any_running && [ $(((SECONDS - started) % 30)) -lt 5 ]; then
      progress=""
      [ -f "$work/go-install.log" ] && progress=", go: $(grep -c -v '^go: downloading' "$work/go-install.log" 2>/dev/null || true) packages compiled, $(grep -c '^go: downloading' "$work/go-install.log" 2>/dev/null || true) modules downloaded"
      log "still working… $((SECONDS - started))s${progress}"
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
fi

IFS=$'\t' read -r cli_path cli_source <"$work/cli.result"
IFS=$'\t' read -r server_path server_source <"$work/server.result"
cli_version=""
if [ -n "$cli_path" ]; then cli_version="$("$cli_path" --version 2>/dev/null | head -n 1 || true)"; fi

log "temporal CLI:  ${cli_path:-none, the SDK will download it at run time (needs internet)}  [$cli_source]${cli_version:+  ($cli_version)}"
log "test server:   ${server_path:-none, the SDK will download it at run time (needs internet)}  [$server_source]"

json() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }
cat >"$tools/provisioned.json" <<JSON
{
  "provisionedAt": $(json "$(date -u +%Y-%m-%dT%H:%M:%SZ)"),
  "temporalCli": { "path": $(json "$cli_path"), "source": $(json "$cli_source"), "version": $(json "$cli_version") },
  "testServer": { "path": $(json "$server_path"), "source": $(json "$server_source"), "version": $(json "$TEST_SERVER_VERSION") }
}
JSON
log "wrote .tools/provisioned.json"
