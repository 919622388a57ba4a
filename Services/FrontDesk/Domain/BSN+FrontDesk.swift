import Contracts

extension BSN {
    /// Validates `text` as `init(_:)` does, with the desk's error (shown next to the form field).
    /// - Throws: `FrontDeskError.invalidBSN` with the `Problem`.
    init(checking text: String) throws(FrontDeskError) {
        do { self = try BSN(text) } catch { throw .invalidBSN(error) }
    }
}
