#!/usr/bin/env bash
# Provisions the Temporal binaries this project runs on, offline-first:
#   temporal CLI (dev server):  TEMPORAL_CLI_PATH → PATH → .tools/bin → `go install` (Go module proxy) → SDK download
#   time-skipping test server:  TEMPORAL_TEST_SERVER_PATH → .tools/bin → Maven Central (Java) → SDK download
# Idempotent: a second run finds everything in .tools/ and returns at once. Writes .tools/provisioned.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"
TEMPORAL_CLI_VERSION="v1.5.1"   # later releases carry a `replace` directive that `go install` refuses

log() { printf '[provision] %s\n' "$*"; }

cli_path="" cli_source=""
resolve_cli() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ] && [ -x "$TEMPORAL_CLI_PATH" ]; then cli_path="$TEMPORAL_CLI_PATH"; cli_source="TEMPORAL_CLI_PATH"; return; fi
  if [ -x "$tools/bin/temporal" ]; then cli_path="$tools/bin/temporal"; cli_source=".tools/bin"; return; fi
  if command -v temporal >/dev/null 2>&1; then cli_path="$(command -v temporal)"; cli_source="PATH"; return; fi
  if command -v go >/dev/null 2>&1; then
    log "building temporal CLI $TEMPORAL_CLI_VERSION with go install (Go module proxy; a few minutes on 2 cores)…"
    [ -f "$tools/go-install.failed" ] && { cli_path=""; cli_source="sdk-download"; return; }
    if GOBIN="$tools/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >"$tools/go-install.log" 2>&1; then
      cli_path="$tools/bin/temporal"; cli_source="go install"; return
    fi
    touch "$tools/go-install.failed"
    log "go install failed (see .tools/go-install.log)"
  fi
  cli_path=""; cli_source="sdk-download"
}

server_path="" server_source=""
resolve_test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ] && [ -x "$TEMPORAL_TEST_SERVER_PATH" ]; then server_path="$TEMPORAL_TEST_SERVER_PATH"; server_source="TEMPORAL_TEST_SERVER_PATH"; return; fi
  if [ -x "$tools/bin/temporal-test-server" ] && ls "$tools"/test-server/lib/temporal-test-server-*.jar >/dev/null 2>&1; then
    server_path="$tools/bin/temporal-test-server"; server_source=".tools/bin"; return
  fi
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    log "resolving the Java time-skipping test server from Maven Central…"
    mkdir -p "$tools/test-server"
    cp "$root/scripts/provision/test-server-pom.xml" "$tools/test-server/pom.xml"
    if mvn -q -B -f "$tools/test-server/pom.xml" dependency:copy-dependencies -DoutputDirectory=lib >"$tools/mvn.log" 2>&1; then
      cp "$root/scripts/provision/temporal-test-server.sh" "$tools/bin/temporal-test-server"
      chmod +x "$tools/bin/temporal-test-server"
      server_path="$tools/bin/temporal-test-server"; server_source="maven"; return
    fi
    log "Maven resolve failed (see .tools/mvn.log)"
  fi
  server_path=""; server_source="sdk-download"
}

rm -f "$tools/go-install.failed"
# The Go build and the Maven resolve are independent: run them side by side.
resolve_cli &
cli_job=$!
resolve_test_server
wait "$cli_job" || true
resolve_cli   # cheap now: picks up what the background build left in .tools/bin

log "temporal CLI:       ${cli_path:-<none: the SDK will download it (needs internet)>} [$cli_source]"
log "test server (Java): ${server_path:-<none: the SDK will download it (needs internet)>} [$server_source]"
cat >"$tools/provisioned.json" <<JSON
{
  "temporalCli": { "path": "${cli_path}", "source": "${cli_source}" },
  "testServer": { "path": "${server_path}", "source": "${server_source}" }
}
JSON
