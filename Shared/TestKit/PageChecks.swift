public import Foundation

/// What every staff page must get right, checked on its HTML: Dutch, a skip link, a label for
/// every control, every `aria-describedby` id present, the CSRF token in every POST form, no
/// script. Shared by the services' page tests.
public enum PageChecks {
    /// The problems found in `html` (empty when it passes); `csrfToken` is the session's token.
    public static func accessibilityProblems(in html: String, csrfToken: String) -> [String] {
        var problems: [String] = []
        if !html.contains("<html lang=\"nl\">") { problems.append("the page is not marked Dutch") }
        if !html.contains("href=\"#inhoud\"") { problems.append("no skip link to the content") }
        let ids = Set(matches(#"id="([^"]+)""#, in: html))
        let labelled = Set(matches(#"<label for="([^"]+)""#, in: html))
        for control in matches(#"<(?:input|select|textarea) id="([^"]+)""#, in: html) where !labelled.contains(control) {
            problems.append("no label for \(control)")
        }
        for list in matches(#"aria-describedby="([^"]+)""#, in: html) {
            for id in list.split(separator: " ") where !ids.contains(String(id)) { problems.append("no element \(id)") }
        }
        let posts = html.components(separatedBy: "<form method=\"post\"").count - 1
        let tokens = html.components(separatedBy: "name=\"_csrf\" value=\"\(csrfToken)\"").count - 1
        if posts != tokens { problems.append("\(posts) POST forms but \(tokens) CSRF tokens") }
        if html.contains("<script") { problems.append("the page has a script") }
        return problems
    }

    /// The first capture group of every match of `pattern` in `text`.
    public static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
