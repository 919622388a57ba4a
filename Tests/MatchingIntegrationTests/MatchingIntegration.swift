import TestKit
import Testing

/// Matching's integration tests against the private broker and database, one at a time: they
/// share the routing keys of `wmo.events` and `wmo.partners`.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct MatchingIntegration {}
