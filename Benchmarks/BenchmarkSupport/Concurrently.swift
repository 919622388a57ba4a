/// Runs `body(index)` for every index below `count` on `workers` concurrent tasks (worker `w`
/// takes `w`, `w + workers`, …) and returns the results in index order.
public func concurrently<T: Sendable>(
    _ count: Int,
    workers: Int,
    _ body: @escaping @Sendable (Int) async throws -> T
) async throws -> [T] {
    try await withThrowingTaskGroup(of: [(Int, T)].self) { group in
        for worker in 0..<min(workers, count) {
            group.addTask {
                var results: [(Int, T)] = []
                for index in stride(from: worker, to: count, by: workers) { results.append((index, try await body(index))) }
                return results
            }
        }
        var all: [(Int, T)] = []
        for try await part in group { all += part }
        return all.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
