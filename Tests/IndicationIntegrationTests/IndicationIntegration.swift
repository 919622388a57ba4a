import TestKit
import Testing

/// Indication's integration tests against the private broker and database, one at a time:
/// they share routing keys such as `frontdesk.indication.requested` on the broker.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct IndicationIntegration {}
