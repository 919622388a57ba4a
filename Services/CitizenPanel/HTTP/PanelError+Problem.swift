public import ServiceHTTP

extension PanelError: ProblemConvertible {
    /// The problem for a refusal: its Dutch message, code and status.
    public var problem: Problem { Problem(code: code, title: message, status: httpStatus) }
}
