import Mustache

// Form pages look up thousands of values: each view names its fields here, so a page's fields are read when a
// template asks for them, never encoded whole. Every stored property of each view is listed.

extension FormView.FieldView: TemplateFields, MustacheParent {
    func templateField(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .string(id)
        case "name": .string(self.name)
        case "label": .string(label)
        case "hint": .text(hint)
        case "optional": .bool(optional)
        case "error": .text(error)
        case "hintID": .string(hintID)
        case "errorID": .string(errorID)
        case "describedBy": .text(describedBy)
        case "value": .string(value)
        case "isText": .bool(isText)
        case "isLongText": .bool(isLongText)
        case "isDate": .bool(isDate)
        case "isDateTime": .bool(isDateTime)
        case "isNumber": .bool(isNumber)
        case "isChoice": .bool(isChoice)
        case "isMultiple": .bool(isMultiple)
        case "isGroup": .bool(isGroup)
        case "isSelect": .bool(isSelect)
        case "options": .views(options)
        case "rows": .views(rows)
        case "addRowValue": .string(addRowValue)
        case "maxLength": .number(maxLength)
        case "condition": .text(condition)
        case "suggestions": .texts(suggestions)
        case "hasSuggestions": .bool(!suggestions.isEmpty)
        case "multipleHint": .string(Self.multipleHint(hint))
        default: nil
        }
    }
}

extension FormView.OptionView: TemplateFields, MustacheParent {
    func templateField(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .string(id)
        case "value": .string(value)
        case "label": .string(label)
        case "hint": .text(hint)
        case "checked": .bool(checked)
        default: nil
        }
    }
}

extension FormView.RowView: TemplateFields, MustacheParent {
    func templateField(_ name: String) -> TemplateValue? {
        switch name {
        case "index": .int(index)
        case "number": .int(number)
        case "fields": .views(fields)
        default: nil
        }
    }
}

extension FormView.SectionView: TemplateFields, MustacheParent {
    func templateField(_ name: String) -> TemplateValue? {
        switch name {
        case "id": .string(id)
        case "title": .string(title)
        case "help": .text(help)
        case "fields": .views(fields)
        default: nil
        }
    }
}
