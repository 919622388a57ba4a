import Foundation
import Mustache
import Testing

@testable import StaffPages

/// The staff pages hand swift-mustache their model read by reflection once: the HTML must be
/// what the library renders from the model itself.
@Suite struct ReflectedModelTests {
    struct Row {
        var name: String
        var note: String?
        var count: Int
        var share: Double
        var flag: Bool
        var day: Date
    }

    struct Inner { var label: String }

    struct Model {
        var title: String
        var rows: [Row]
        var empty: [Row]
        var missing: String?
        var nested: Inner?
        var absent: Inner?
        var tags: [String]
        var lookup: [String: String]
    }

    @Test func theHTMLIsWhatTheLibraryRendersFromTheModelItself() throws {
        let template = try MustacheTemplate(
            string: """
                <h1>{{title}}</h1>
                {{#rows}}<p>{{name}}|{{note}}|{{count}}|{{share}}|{{#flag}}ja{{/flag}}{{^flag}}nee{{/flag}}|{{day}}|{{title}}</p>{{/rows}}
                {{^empty}}geen{{/empty}}{{#missing}}x{{/missing}}{{^missing}}leeg{{/missing}}
                {{#nested}}{{label}} in {{title}}{{/nested}}{{#absent}}nooit{{/absent}}{{^absent}}afwezig{{/absent}}
                {{#tags}}<{{.}}>{{/tags}} {{lookup.a}} {{nested.label}} <script>{{{title}}}</script>
                """
        )
        let model = Model(
            title: "Hulpvraag & <overzicht>",
            rows: [
                Row(name: "Anna", note: nil, count: 3, share: 0.25, flag: true, day: Date(timeIntervalSince1970: 1_795_000_000)),
                Row(name: "Bert \"B\"", note: "let op", count: -1, share: 2, flag: false, day: Date(timeIntervalSince1970: 0)),
            ],
            empty: [],
            missing: nil,
            nested: Inner(label: "binnen"),
            absent: nil,
            tags: ["wmo", "jeugd"],
            lookup: ["a": "waarde"]
        )
        let expected = template.render(model)
        #expect(expected.contains("Anna") && expected.contains("binnen in Hulpvraag"), "the library's own rendering: \(expected)")
        #expect(template.render(ReflectedModel.wrap(model) as Any) == expected)
    }
}
