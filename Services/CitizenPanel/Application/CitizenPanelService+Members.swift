public import Contracts
import Foundation
import StaffPages
import Storage

extension CitizenPanelService {
    /// Signs a resident up for the panel with their consent; returns the leave link's token
    /// (shown once; the panel keeps its SHA-256). An address that is a member already is not
    /// signed up twice, and gets the same answer, so the form tells nobody who is a member.
    public func signUp(_ input: SignUpInput, municipality: MunicipalityCode) async throws -> String {
        let member = try input.member(municipality: municipality, districts: districts(of: municipality), now: clock())
        let token = CSRFToken.make()
        _ = try await transaction { tx in try MemberRepository.insert(member, leaveToken: token, in: tx) }
        return token
    }

    /// The districts of `municipality` in the reference figures, by name (empty: none known).
    public func districts(of municipality: MunicipalityCode) -> Set<String> {
        Set(settings.population?.margins(of: municipality)[.district]?.keys.map { $0 } ?? [])
    }

    /// Removes the member with the leave link `token`: their data goes; answers they gave stay,
    /// as they were stored without them.
    public func leave(token: String) async throws {
        let removed = try await transaction { tx in try MemberRepository.delete(leaveToken: token, in: tx) }
        guard removed else { throw PanelError.memberNotFound }
    }
}
