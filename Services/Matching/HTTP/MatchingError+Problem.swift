public import ServiceHTTP

extension MatchingError: ProblemConvertible {
    /// The problem for a refusal: its Dutch message, code, status and field.
    public var problem: Problem { Problem(code: code, title: message, status: httpStatus, field: field) }
}
