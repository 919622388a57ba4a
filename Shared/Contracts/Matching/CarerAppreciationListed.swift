/// `matching.carer-appreciation.listed`: the yearly carer appreciation round
/// (mantelzorgwaardering) of a municipality produced its list (once per year: a second run
/// lists only carers registered since). The list itself is read over the API.
public struct CarerAppreciationListed: MessageContract, Equatable {
    public static let messageType = "matching.carer-appreciation.listed"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var year: Int
    /// Carers newly listed by this run.
    public var listed: Int
    /// Carers on the year's list in all.
    public var total: Int

    public init(year: Int, listed: Int, total: Int) {
        self.year = year
        self.listed = listed
        self.total = total
    }
}
