#!/usr/bin/env bash
# Temporal's Java time-skipping test server, resolved from Maven Central into .tools/test-server/lib.
# Usage (as the TypeScript SDK calls it): temporal-test-server PORT --enable-time-skipping
here="$(cd "$(dirname "$0")/.." && pwd)"
exec java -Xss1m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$here/test-server/lib/*" io.temporal.testserver.TestServer "$@"
