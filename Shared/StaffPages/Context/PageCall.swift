public import Foundation
public import Hummingbird

/// What a page handler gets: the logged-in user, the form and query fields, and the path
/// parameters.
public struct PageCall<User: PageUser>: Sendable {
    /// The logged-in user; every use case is called on their behalf.
    public let user: User
    /// The POST form (empty for GET).
    public let form: FormData
    /// The query string.
    public let query: FormData
    /// The path parameters (`:id`).
    public let parameters: Parameters

    public init(user: User, form: FormData, query: FormData, parameters: Parameters) {
        self.user = user
        self.form = form
        self.query = query
        self.parameters = parameters
    }

    /// The UUID in path parameter `name`.
    /// - Throws: `PageError.notFound` when it is not a UUID.
    public func id(_ name: String = "id") throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw PageError.notFound }
        return id
    }
}
