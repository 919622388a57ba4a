import ArgumentParser

/// Matching's benchmarks (issue 14): `rank` measures the pure ranking, `chain` the service on a
/// loaded schema from a request on the broker to the proposal published.
@main
struct MatchingBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching-bench",
        abstract: "Measure matching: ranking in memory (rank) and request → proposal over broker and database (chain).",
        subcommands: [RankBenchmark.self, ChainBenchmark.self],
        defaultSubcommand: RankBenchmark.self
    )
}
