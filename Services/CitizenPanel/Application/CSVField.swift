/// A text field of the panel's CSV exports: quoted (quotes doubled), and a leading `=`, `+`, `-`
/// or `@` defused with an apostrophe, so that a spreadsheet never runs a label as a formula.
enum CSVField {
    static func quoted(_ text: String) -> String {
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
