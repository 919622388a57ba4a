public import Foundation

/// Which clients the yearly satisfaction survey invites (SPEC §6): a person whose request closed
/// or whose care stopped is invited at most once a year, and of those a configured fraction,
/// chosen by a hash of the subjectRef and the year, so that a redelivered or repeated event
/// never changes the choice.
public struct SatisfactionSampling: Sendable {
    /// The share of clients invited, 0-1 (1: all of them).
    public var fraction: Double

    public init(fraction: Double = 1) {
        self.fraction = min(max(fraction, 0), 1)
    }

    /// Whether the person with `subject` is in the sample of `year`.
    public func includes(_ subject: UUID, year: Int) -> Bool {
        guard fraction < 1 else { return true }
        // FNV-1a over the id's bytes and the year: stable across runs and processes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = withUnsafeBytes(of: subject.uuid) { Array($0) } + withUnsafeBytes(of: Int64(year).littleEndian) { Array($0) }
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Double(hash % 10_000) / 10_000 < fraction
    }
}
