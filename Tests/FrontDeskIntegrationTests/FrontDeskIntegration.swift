import TestKit
import Testing

/// The front desk's integration tests against the private broker and database. One serialized
/// parent suite: the tests share the broker's routing keys (`partner.referral.*` and the
/// others), so running two at once would let one test's consumer see another's messages.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct FrontDeskIntegration {}
