public import ServiceHTTP

extension IndicationError: ProblemConvertible {
    /// The problem for a domain error: its Dutch message, code, status and field.
    public var problem: Problem { Problem(code: code, title: message, status: httpStatus, field: field) }
}
