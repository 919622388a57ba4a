/// Draws a round's invited sample (steekproef) stratified by district × age band (SPEC §6): each
/// stratum gets invitations in proportion to its share of the population (largest remainder), at
/// most as many as it has members; what a small stratum cannot take goes to the others, again in
/// proportion. Within a stratum the members are drawn at random.
public enum StratifiedSample {
    /// How many of `size` invitations each stratum gets.
    public static func allocate(size: Int, population: [Stratum: Int], available: [Stratum: Int]) -> [Stratum: Int] {
        var allocation: [Stratum: Int] = [:]
        var remaining = min(size, available.values.reduce(0, +))
        while remaining > 0 {
            let open = population.keys.filter { (available[$0] ?? 0) > (allocation[$0] ?? 0) && population[$0]! > 0 }.sorted()
            guard !open.isEmpty else { break }
            let total = Double(open.reduce(0) { $0 + population[$1]! })
            let quotas = open.map { (stratum: $0, quota: Double(remaining) * Double(population[$0]!) / total) }
            var shares = quotas.map { (stratum: $0.stratum, share: Int($0.quota), rest: $0.quota - Double(Int($0.quota))) }
            // Largest remainder: the seats the whole numbers leave go to the largest fractions.
            var left = remaining - shares.reduce(0) { $0 + $1.share }
            for index in shares.indices.sorted(by: { shares[$0].rest > shares[$1].rest }) where left > 0 {
                shares[index].share += 1
                left -= 1
            }
            var placed = 0
            for share in shares {
                let room = available[share.stratum]! - (allocation[share.stratum] ?? 0)
                let taken = min(share.share, room)
                allocation[share.stratum, default: 0] += taken
                placed += taken
            }
            guard placed > 0 else { break }
            remaining -= placed
        }
        return allocation
    }

    /// The members invited: `size` drawn from `members` (id and stratum) as `allocate` says.
    public static func draw<ID: Hashable>(
        size: Int,
        population: [Stratum: Int],
        members: [(id: ID, stratum: Stratum)],
        using random: inout some RandomNumberGenerator
    ) -> [ID] {
        let byStratum = Dictionary(grouping: members, by: \.stratum)
        let allocation = allocate(size: size, population: population, available: byStratum.mapValues(\.count))
        return allocation.keys.sorted().flatMap { stratum in
            byStratum[stratum]!.shuffled(using: &random).prefix(allocation[stratum]!).map(\.id)
        }
    }
}
