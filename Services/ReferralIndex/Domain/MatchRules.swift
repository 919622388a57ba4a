/// When signals form a match (SPEC §5): pure rules over the active signals, unit-tested.
public enum MatchRules {
    /// A client match needs active signals on the young person from two or more organisations.
    public static func isClientMatch(_ signals: [Signal]) -> Bool {
        let active = signals.filter(\.isActive)
        return Set(active.map(\.subjectKey)).count == 1 && Set(active.map(\.organisation)).count >= 2
    }

    /// A family match needs active signals on two or more young people who share a parent, from
    /// two or more organisations (one organisation alone knows its own signals already).
    public static func isFamilyMatch(_ signals: [Signal]) -> Bool {
        let active = signals.filter(\.isActive)
        return Set(active.map(\.subjectKey)).count >= 2 && Set(active.map(\.organisation)).count >= 2
    }

    /// The active signals among `candidates` that share a parent with `signal`, on another young
    /// person, followed transitively (siblings of siblings through another parent). `links` says
    /// what ties a family: the parents' keys, and where the second rule is on, the address key.
    public static func family(
        of signal: Signal,
        among candidates: [Signal],
        links: (Signal) -> [SubjectKey] = { $0.parentKeys }
    ) -> [Signal] {
        var members: [Signal] = [signal]
        var parents = Set(links(signal))
        var rest = candidates.filter { $0.isActive && $0.id != signal.id }
        var grew = true
        while grew {
            grew = false
            for candidate in rest where !parents.isDisjoint(with: links(candidate)) {
                members.append(candidate)
                parents.formUnion(links(candidate))
                grew = true
            }
            rest.removeAll { candidate in members.contains { $0.id == candidate.id } }
        }
        return members
    }

    /// A match still holds when at least two organisations have an active signal on it.
    public static func holds(_ signals: [Signal], kind: Match.Kind) -> Bool {
        kind == .client ? isClientMatch(signals) : isFamilyMatch(signals)
    }
}
