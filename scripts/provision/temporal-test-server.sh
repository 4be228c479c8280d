#!/usr/bin/env bash
# Temporal's Java time-skipping test server, resolved from Maven Central into .tools/test-server/lib,
# started through our launcher (scripts/provision/DubanTestServer.java) so that the server clock can
# begin at a given instant. Usage, as the TypeScript SDK calls it:
#   temporal-test-server PORT --enable-time-skipping [--start-time=2021-09-01T00:00:00Z]
here="$(cd "$(dirname "$0")/.." && pwd)"
exec java -Xss1m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$here/test-server/classes:$here/test-server/lib/*" DubanTestServer "$@"
