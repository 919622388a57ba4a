import Foundation

/// A question's distribution as an inline SVG bar chart (no JavaScript, no external files): one
/// bar per answer with its share, and a title and description for screen readers; the page
/// shows the same numbers in a table as the text alternative.
enum ResultsChart {
    static func svg(for question: ResultsView.Question) -> String {
        svg(id: question.id, title: question.text, respondents: question.respondents, bars: question.options.map { ($0.label, $0.share) })
    }

    /// One bar per `(label, share)`; a share of `nil` is not shown.
    static func svg(
        id name: String,
        title: String,
        respondents: Int,
        bars options: [(label: String, share: Double?)],
        what: String = "de antwoorden"
    )
        -> String
    {
        let width = 480.0
        let labelWidth = 170.0
        let row = 26.0
        let height = row * Double(options.count) + 8
        let id = "chart-\(name)"
        var bars = ""
        for (index, option) in options.enumerated() {
            let y = 4 + Double(index) * row
            let share = option.share ?? 0
            let barWidth = max(0, (width - labelWidth - 60) * share)
            let value = option.share.map { String(format: "%.0f%%", $0 * 100) } ?? "niet getoond"
            bars += """
                <text x="0" y="\(y + 16)" font-size="13">\(escape(option.label))</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(String(format: "%.1f", barWidth))" height="\(row - 8)" fill="#1f5f8b"></rect>\
                <text x="\(String(format: "%.1f", labelWidth + barWidth + 6))" y="\(y + 16)" font-size="13">\(value)</text>
                """
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" width="\(Int(width))" \
            height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))"><title id="\(id)-title">\(escape(title))</title>\
            <desc id="\(id)-desc">Verdeling van \(what) van \(respondents) respondenten; de tabel eronder geeft dezelfde cijfers.</desc>\
            \(bars)</svg>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
