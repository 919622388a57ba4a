import Contracts
import Foundation
import Indication
import Testing

/// P4: an individual provision only with the recorded reason why the earlier layers do not
/// suffice; and the other rules of an arrangement line.
@Suite("Arrangement lines and P4")
struct LayeredArrangementTests {
    static func individual(reason: String?, category: ProductCategory? = .householdHelp) throws(IndicationError) -> ArrangementLine {
        try ArrangementLine(
            layer: .individualProvision,
            deliveredBy: "Thuiszorg Rijnstad",
            activity: "Schoonmaken van de woning",
            category: category,
            volume: 3,
            unit: .hoursPerWeek,
            intendedResult: "Een schoon en leefbaar huis",
            whyEarlierLayersDoNotSuffice: reason
        )
    }

    @Test func anIndividualProvisionWithoutTheP4ReasonIsRefused() {
        #expect(throws: IndicationError.individualProvisionWithoutReason) { try Self.individual(reason: nil) }
        #expect(throws: IndicationError.individualProvisionWithoutReason) { try Self.individual(reason: "   \n") }
    }

    @Test func anIndividualProvisionWithItsReasonIsAccepted() throws {
        let line = try Self.individual(reason: "Dochter werkt fulltime; geen vrijwilliger voor wekelijks werk; geen algemene voorziening.")
        #expect(line.awaitsDecision)
        #expect(line.category == .householdHelp)
        #expect(line.whyEarlierLayersDoNotSuffice?.hasPrefix("Dochter") == true)
    }

    @Test func anIndividualProvisionNeedsItsCategory() {
        #expect(throws: IndicationError.individualProvisionWithoutCategory) { try Self.individual(reason: "r", category: nil) }
    }

    @Test func informalSupportNeedsATaskAndOtherLayersNeedNoReason() throws {
        #expect(throws: IndicationError.informalSupportWithoutTask) {
            try ArrangementLine(layer: .informalSupport, deliveredBy: "Vrijwilliger", activity: "Boodschappen", intendedResult: "Eten in huis")
        }
        let network = try ArrangementLine(layer: .network, deliveredBy: "Zoon", activity: "Wekelijks bezoek", intendedResult: "Minder eenzaam")
        #expect(!network.awaitsDecision)
        #expect(network.category == nil)
    }

    @Test func aVolumeNeedsAUnitAndMustBePositive() {
        #expect(throws: IndicationError.invalidVolume) {
            try ArrangementLine(layer: .network, deliveredBy: "Zoon", activity: "Bezoek", volume: 2, intendedResult: "r")
        }
        #expect(throws: IndicationError.invalidVolume) {
            try ArrangementLine(layer: .network, deliveredBy: "Zoon", activity: "Bezoek", volume: -1, unit: .hoursPerWeek, intendedResult: "r")
        }
    }

    @Test func layersAreOrderedFromOwnStrengthToIndividualProvision() {
        #expect(SupportLayer.allCases.sorted() == [.ownStrength, .network, .informalSupport, .generalProvision, .individualProvision])
        #expect(SupportLayer.generalProvision < .individualProvision)
    }
}
