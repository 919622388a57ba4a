import Foundation

/// Where to send a user after login.
public enum ReturnPath {
    /// `path` when it is a path on this site to return to after login (never another host,
    /// never the login page itself), else `nil`.
    public static func safe(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.count <= 200, !path.hasPrefix("/login"),
            path.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/-_.".unicodeScalars.contains($0)
            })
        else { return nil }
        return path
    }
}
