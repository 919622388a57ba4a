import TestKit
import Testing

/// The referral index's integration tests against the private broker and database, one at a
/// time: they share the routing keys of `wmo.partners`.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct ReferralIndexIntegration {}
