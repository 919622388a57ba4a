/// One form control as the field partials render it: label, value, hint and error, with the
/// ids that tie them together (`for`, `aria-describedby`).
///
/// The property names carry a `field` prefix on purpose: Mustache looks names up through the
/// whole context stack, so a field without an error must not pick up a page's `error`.
public struct FieldView: Sendable {
    public var fieldID: String
    public var fieldName: String
    public var fieldLabel: String
    public var fieldValue: String
    public var fieldHint: String?
    public var fieldError: String?
    /// `"id-hint id-error"`, whichever exist.
    public var describedBy: String?
    public var inputType: String = "text"
    public var autocomplete: String?
    public var maxLength: Int?
    public var isRequired: Bool = false
    public var rows: Int = 4
    /// Width hint for the stylesheet (`narrow`, `medium`).
    public var width: String?
    /// The options of a select.
    public var options: [OptionView] = []
}

/// A group of checkboxes or radio buttons in a `<fieldset>` with a `<legend>`.
public struct ChoiceGroupView: Sendable {
    public var groupID: String
    public var groupName: String
    public var legend: String
    public var groupHint: String?
    public var groupError: String?
    public var describedBy: String?
    /// `checkbox` or `radio`.
    public var inputType: String
    public var choices: [OptionView]
}

/// An option of a select, or one checkbox or radio button of a group.
public struct OptionView: Sendable {
    public var optionID: String
    public var optionValue: String
    public var optionLabel: String
    /// Extra text under a checkbox or radio label (e.g. the value that would be shared).
    public var optionHint: String?
    public var selected: Bool
}
