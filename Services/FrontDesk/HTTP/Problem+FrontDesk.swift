public import ServiceHTTP

extension FrontDeskError: ProblemConvertible {
    /// The problem for a domain error: its Dutch message, code, status and field.
    public var problem: Problem {
        Problem(code: code, title: message, status: httpStatus, field: field)
    }
}

extension InputProblems: ProblemConvertible {
    /// The problem for several field problems: the first one's type and title, all in `errors`.
    public var problem: Problem {
        let first = problems[0]
        return Problem(
            code: first.code,
            title: first.message,
            status: first.httpStatus,
            detail: problems.count == 1 ? nil : "\(problems.count) velden zijn niet goed ingevuld.",
            field: first.field,
            errors: problems.map { Problem.Item(type: "urn:wmo:problem:\($0.code)", title: $0.message, field: $0.field) }
        )
    }
}
