import Contracts
import Foundation
import Messaging
import ReferralIndex
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// Two regional indexes and the national one on one broker (SPEC §5, federation): a signal in
    /// region A and one in region B on the same young person are matched nationally, and each
    /// professional hears of the other through their own region.
    @Suite
    struct FederationTests {
        @Test func signalsInTwoRegionsOnTheSameYoungPersonAreMatchedNationallyAndNotifiedPerRegion() async throws {
            let national = try await ReferralIndexFixture.make("fed_national", federation: .national)
            let regionA = try await ReferralIndexFixture.make("fed_a", federation: .region("gelderland-midden"), municipalities: [.arnhem])
            let regionB = try await ReferralIndexFixture.make("fed_b", federation: .region("gelderland-zuid"), municipalities: [.nijmegen])
            try await national.run {
                try await regionA.run {
                    try await regionB.run {
                        let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: regionA.jeugdzorg)
                        let anna = ReferralIndexFixture.professional("Anna Smit", of: regionB.nijmegen)
                        try await regionA.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: regionA.jeugdzorg)
                        #expect(try await regionA.messages(for: regionA.jeugdzorg, 1).first?.properties.type == SignalRecorded.messageType)
                        try await regionB.publish(ReferralIndexFixture.registration("123456782", by: anna), as: regionB.nijmegen)

                        // Region A tells Sanne of Anna; region B tells Anna of Sanne: one national match key.
                        let inA = try ReferralIndexFixture.notifications(try await regionA.messages(for: regionA.jeugdzorg, 1, timeout: 30))
                        let inB = try ReferralIndexFixture.notifications(try await regionB.messages(for: regionB.nijmegen, 2, timeout: 30))
                        let toSanne = try #require(inA.first)
                        let toAnna = try #require(inB.first)
                        #expect(toSanne.participants.map(\.name) == ["Anna Smit"] && toSanne.participants.first?.email == anna.email)
                        #expect(toAnna.participants.map(\.name) == ["Sanne de Wit"])
                        #expect(toSanne.matchId == toAnna.matchId && toSanne.kind == "client")
                        // Neither region stored the other's signal; both know the match.
                        #expect(await regionA.count("SELECT count(*) FROM signals") == 1)
                        #expect(await regionB.count("SELECT count(*) FROM signals") == 1)
                        #expect(await regionA.count("SELECT count(*) FROM remote_participants") == 1)
                        #expect(await national.count("SELECT count(*) FROM federated_signals") == 2)
                        #expect(await national.count("SELECT count(*) FROM federated_matches") == 1)

                        // A withdrawal in region A reaches the national index, which forgets the copy.
                        let recorded = try await regionA.pool.withTransaction { tx in
                            try tx.query("SELECT id FROM signals").rows.map { try $0.decode(UUID.self, "id") }
                        }
                        try await regionA.publish(
                            SignalWithdrawn(signalId: try #require(recorded.first), reason: "unjustified"),
                            as: regionA.jeugdzorg
                        )
                        try await eventually("the national copy deleted") {
                            await national.count("SELECT count(*) FROM federated_signals") == 1
                        }
                        // Region B hears that Sanne left: her contact is gone there, and the match ended.
                        try await eventually("region B no longer shows Sanne") {
                            await regionB.count("SELECT count(*) FROM remote_participants") == 0
                        }
                        #expect(await regionB.count("SELECT count(*) FROM matches WHERE status = 'ended'") == 1)
                        #expect(await regionA.count("SELECT count(*) FROM matches WHERE status = 'ended'") == 1)
                    }
                }
            }
        }
    }
}
