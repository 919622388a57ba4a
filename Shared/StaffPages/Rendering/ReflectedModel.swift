import Mustache

/// A page model read by reflection once. swift-mustache otherwise builds a `Mirror`, with all of
/// its children, for every name it looks up, at every level of the context stack it searches:
/// most of the time a large page took to render (the desk's request page: 43 ms p50 against
/// 4.5 ms for the API's answer from the same data).
struct ReflectedModel: MustacheParent {
    private let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }

    /// `value` with every plain struct or class in it (the pages' view types) turned into a
    /// `ReflectedModel` and every optional unwrapped (`nil` is left out, as the library does);
    /// what the library renders itself (strings, numbers, booleans, dictionaries, types with a
    /// description) stays as it is.
    static func wrap(_ value: Any) -> Any? {
        if value is any MustacheParent || value is String || value is Bool || value is any BinaryInteger || value is any BinaryFloatingPoint {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { wrap($0.value) }
        case .collection:
            return mirror.children.compactMap { wrap($0.value) }
        case .struct, .class:
            if value is any CustomStringConvertible || value is any CustomDebugStringConvertible || value is any MustacheTransformable {
                return value
            }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let wrapped = wrap(child.value) else { continue }
                fields[label] = wrapped
            }
            return ReflectedModel(fields: fields)
        default:
            return value
        }
    }
}
