import CitizenPanel
import Testing
import WorkingDays

/// No published cell has fewer than five respondents, and a response holds nothing that leads
/// back to the member (SPEC §6).
@Suite struct AnonymityTests {
    @Test func cellsUnderFiveAreSuppressedAndALoneSuppressedCellTakesTheNextWithIt() {
        let shown = SmallCells.suppress(["a": 12, "b": 3, "c": 7, "d": 30])
        #expect(shown["b"]! == nil)
        // Total minus the others would give "b" away: "c", the next smallest, goes too.
        #expect(shown["c"]! == nil)
        #expect(shown["a"]! == 12 && shown["d"]! == 30)
        // An empty cell hides nobody: "b" would still be the total minus the others, so "a" goes.
        let two = SmallCells.suppress(["a": 12, "b": 3, "c": 0, "d": 30])
        #expect(two["b"]! == nil && two["c"]! == nil && two["a"]! == nil && two["d"]! == 30)
        // Hidden cells that hold fewer than five together are not enough either.
        let small = SmallCells.suppress(["a": 2, "b": 2, "c": 9, "d": 40])
        #expect(small["a"]! == nil && small["b"]! == nil && small["c"]! == nil && small["d"]! == 40)
        #expect(SmallCells.suppress(["a": 5, "b": 6]) == ["a": 5, "b": 6])
    }

    @Test func aScaleResultUnderFiveRespondentsShowsNothing() {
        let four = ScaleResult.of([(5, 1), (4, 1), (4, 1), (2, 1)])
        #expect(four.respondents == 4 && four.mean == nil)
        #expect(four.counts.values.allSatisfy { $0 == nil } && four.shares.values.allSatisfy { $0 == nil })
    }

    @Test func aScaleResultHasWeightedSharesAndMeanAndHidesSmallValues() throws {
        let answers: [(value: Int, weight: Double)] =
            Array(repeating: (4, 1.0), count: 10) + Array(repeating: (2, 2.0), count: 5)
            + [(1, 1.0)]
        let result = ScaleResult.of(answers)
        #expect(result.respondents == 16)
        #expect(result.counts[4]! == 10)
        // 1 was chosen once: hidden, and with it the next smallest value (2), so that the one
        // answer cannot be worked out; the mean would give it back, so it is not shown.
        #expect(result.counts[1]! == nil && result.counts[2]! == nil && result.counts[3]! == nil && result.counts[5]! == nil)
        #expect(result.shares[1]! == nil && result.shares[2]! == nil && abs(result.shares[4]!! - 10.0 / 21.0) < 1e-9)
        #expect(result.mean == nil)
        // Without a hidden answer the weighted mean is shown.
        let plain = ScaleResult.of(Array(repeating: (4, 1.0), count: 10) + Array(repeating: (2, 2.0), count: 5))
        let mean = try #require(plain.mean)
        #expect(abs(mean - (40.0 + 20.0) / 20.0) < 1e-9)
    }

    @Test func aStoredResponseHasNoFieldThatLeadsBackToTheMember() {
        let response = SubmittedResponse(
            surveyId: "tevredenheid-2026",
            district: "Klarendal",
            ageBand: .from65to79,
            sex: "female",
            submittedOn: LocalDate(year: 2026, month: 12, day: 4)!,
            answers: ["heard": .scale(4), "stelling-1": .statement(.agree)]
        )
        let fields = Mirror(reflecting: response).children.compactMap(\.label)
        #expect(Set(fields) == ["surveyId", "district", "ageBand", "sex", "submittedOn", "answers"])
        #expect(response.stratum == Stratum(district: "Klarendal", ageBand: .from65to79))
        let leads = ["member", "token", "invitation", "email", "phone", "name", "subject", "time"]
        #expect(fields.allSatisfy { field in !leads.contains { field.lowercased().contains($0) } })
    }
}
