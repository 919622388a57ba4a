/// One form control as the field partials render it: label, value, hint and error, with the
/// ids that tie them together (`for`, `aria-describedby`).
///
/// The property names carry a `field` prefix on purpose: Mustache looks names up through the
/// whole context stack, so a field without an error must not pick up a page's `error`.
struct FieldView: Sendable {
    var fieldID: String
    var fieldName: String
    var fieldLabel: String
    var fieldValue: String
    var fieldHint: String?
    var fieldError: String?
    /// `"id-hint id-error"`, whichever exist.
    var describedBy: String?
    var inputType: String = "text"
    var autocomplete: String?
    var maxLength: Int?
    var isRequired: Bool = false
    var rows: Int = 4
    /// Width hint for the stylesheet (`narrow`, `medium`).
    var width: String?
    /// The options of a select.
    var options: [OptionView] = []
}

/// A group of checkboxes or radio buttons in a `<fieldset>` with a `<legend>`.
struct ChoiceGroupView: Sendable {
    var groupID: String
    var groupName: String
    var legend: String
    var groupHint: String?
    var groupError: String?
    var describedBy: String?
    /// `checkbox` or `radio`.
    var inputType: String
    var choices: [OptionView]
}

/// An option of a select, or one checkbox or radio button of a group.
struct OptionView: Sendable {
    var optionID: String
    var optionValue: String
    var optionLabel: String
    /// Extra text under a checkbox or radio label (e.g. the value that would be shared).
    var optionHint: String?
    var selected: Bool
}
