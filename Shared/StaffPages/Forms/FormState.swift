/// Builds the controls of one form, filled with what was sent (after an error) or with the
/// defaults, and with each problem next to its field.
///
/// A reference type on purpose: it records which fields the form shows, so the error summary
/// links only to fields that exist. It lives only while a page is built. `Failure` is the
/// service's domain error (anything with a message and, maybe, the field it belongs to).
public final class FormState<Failure: FieldProblem> {
    /// Prefix of the element ids, unique per form on a page (`clarify-`, `close-`).
    public let prefix: String
    /// The fields as sent, when the form comes back with errors.
    public let submitted: FormData?
    /// The problems found, in order.
    public let errors: [Failure]
    /// Where a problem belongs when the domain's `field` is not the right control on this form.
    public let fieldOf: (Failure) -> String?
    private var shown: [String: String] = [:]

    /// A fresh form (`submitted` nil) or one that came back with `errors`.
    public init(
        prefix: String,
        submitted: FormData? = nil,
        errors: [Failure] = [],
        fieldOf: @escaping (Failure) -> String? = { $0.field }
    ) {
        self.prefix = prefix
        self.submitted = submitted
        self.errors = errors
        self.fieldOf = fieldOf
    }

    /// The message(s) for field `name`, or `nil`.
    public func error(for name: String) -> String? {
        let messages = errors.filter { fieldOf($0) == name }.map(\.message)
        return messages.isEmpty ? nil : messages.joined(separator: " ")
    }

    /// The value to show: what was sent, else the default.
    public func value(_ name: String, default defaultValue: String?) -> String {
        if let submitted { return submitted[name] ?? "" }
        return defaultValue ?? ""
    }

    /// The element id of field `name`.
    public func id(_ name: String) -> String { prefix + name }

    /// A text input (or `inputType` email, tel, date, password, number).
    public func input(
        _ name: String,
        label: String,
        value: String? = nil,
        hint: String? = nil,
        type: String = "text",
        autocomplete: String? = nil,
        maxLength: Int? = nil,
        required: Bool = false,
        width: String? = nil
    ) -> FieldView {
        let fieldID = register(name)
        let error = error(for: name)
        return FieldView(
            fieldID: fieldID,
            fieldName: name,
            fieldLabel: label,
            fieldValue: type == "password" ? "" : self.value(name, default: value),
            fieldHint: hint,
            fieldError: error,
            describedBy: describedBy(fieldID, hint: hint, error: error),
            inputType: type,
            autocomplete: autocomplete,
            maxLength: maxLength,
            isRequired: required,
            width: width
        )
    }

    /// A textarea.
    public func textarea(
        _ name: String,
        label: String,
        value: String? = nil,
        hint: String? = nil,
        rows: Int = 4,
        required: Bool = false
    ) -> FieldView {
        var field = input(name, label: label, value: value, hint: hint, required: required)
        field.rows = rows
        return field
    }

    /// A select with `options` (value, label); `blank` adds an empty first option.
    public func select(
        _ name: String,
        label: String,
        options: [(value: String, label: String)],
        selected: String? = nil,
        hint: String? = nil,
        blank: String? = nil,
        required: Bool = false
    ) -> FieldView {
        var field = input(name, label: label, value: selected, hint: hint, required: required)
        let current = field.fieldValue
        let all = (blank.map { [("", $0)] } ?? []) + options.map { ($0.value, $0.label) }
        field.options = all.enumerated().map { index, option in
            OptionView(
                optionID: "\(field.fieldID)-\(index)",
                optionValue: option.0,
                optionLabel: option.1,
                optionHint: nil,
                selected: option.0 == current
            )
        }
        return field
    }

    /// A group of checkboxes (`type` checkbox) or radio buttons (`type` radio).
    public func choices(
        _ name: String,
        legend: String,
        type: String = "checkbox",
        options: [(value: String, label: String, hint: String?)],
        checked: Set<String> = [],
        hint: String? = nil
    ) -> ChoiceGroupView {
        let groupID = register(name)
        let error = error(for: name)
        let ticked = submitted.map { Set($0.values(name)) } ?? checked
        return ChoiceGroupView(
            groupID: groupID,
            // A checkbox group is a list field (`name[]`), a radio group a single one.
            groupName: type == "checkbox" ? "\(name)[]" : name,
            legend: legend,
            groupHint: hint,
            groupError: error,
            describedBy: describedBy(groupID, hint: hint, error: error),
            inputType: type,
            choices: options.enumerated().map { index, option in
                OptionView(
                    optionID: "\(groupID)-\(index)",
                    optionValue: option.value,
                    optionLabel: option.label,
                    optionHint: option.hint,
                    selected: ticked.contains(option.value)
                )
            }
        )
    }

    /// A group of controls of its own shape (e.g. the participant rows): its id, its error and
    /// the ids that describe it.
    public func fieldset(_ name: String, hint: String? = nil) -> (id: String, error: String?, describedBy: String?) {
        let groupID = register(name)
        let error = error(for: name)
        return (groupID, error, describedBy(groupID, hint: hint, error: error))
    }

    /// The element id of the form's own problem line (for problems without a field here).
    public var problemID: String { prefix + "problem" }

    /// The problems that belong to no field this form shows (e.g. the request's state), shown
    /// at the top of the form; call after building the fields.
    public func unplaced() -> String? {
        let messages = errors.filter { error in fieldOf(error).flatMap { shown[$0] } == nil }.map(\.message)
        return messages.isEmpty ? nil : messages.joined(separator: " ")
    }

    /// The error summary: every problem, linked to its field, or to the form's problem line;
    /// call after building the fields.
    public func summary() -> [SummaryItem] {
        errors.map { error in
            let target = fieldOf(error).flatMap { shown[$0] } ?? problemID
            return SummaryItem(href: "#\(target)", message: error.message)
        }
    }

    private func register(_ name: String) -> String {
        let fieldID = id(name)
        shown[name] = fieldID
        return fieldID
    }

    private func describedBy(_ fieldID: String, hint: String?, error: String?) -> String? {
        let ids = [hint.map { _ in "\(fieldID)-hint" }, error.map { _ in "\(fieldID)-error" }].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

/// A page with one form whose refusals may belong to none of its fields: those are shown at
/// the top of the form (`formProblem`, element id `<prefix>problem`).
public protocol FormPage {
    var formProblem: String? { get set }
}

extension FormPage {
    /// A copy with `formProblem` set.
    public func with(formProblem: String?) -> Self {
        var copy = self
        copy.formProblem = formProblem
        return copy
    }
}

/// A refusal a form can show: its message for the user, and the form field it belongs to.
public protocol FieldProblem: Error {
    /// The message, in Dutch, that says what to change.
    var message: String { get }
    /// The field (form name) it belongs to, or `nil` for the form as a whole.
    var field: String? { get }
}
