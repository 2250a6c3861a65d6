import Mustache

// Form pages look up thousands of values; reading them by name here, rather than by reflection (Mirror), makes a
// Form B page render many times faster. Every stored property of each view is listed.

extension FormView.FieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "label": label
        case "hint": hint
        case "optional": optional
        case "error": error
        case "hintID": hintID
        case "errorID": errorID
        case "describedBy": describedBy
        case "value": value
        case "isText": isText
        case "isLongText": isLongText
        case "isDate": isDate
        case "isDateTime": isDateTime
        case "isNumber": isNumber
        case "isChoice": isChoice
        case "isMultiple": isMultiple
        case "isGroup": isGroup
        case "isSelect": isSelect
        case "options": options
        case "rows": rows
        case "addRowValue": addRowValue
        case "maxLength": maxLength
        case "condition": condition
        case "suggestions": suggestions
        case "hasSuggestions": hasSuggestions
        case "multipleHint": multipleHint
        default: nil
        }
    }
}

extension FormView.OptionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "value": value
        case "label": label
        case "hint": hint
        case "checked": checked
        default: nil
        }
    }
}

extension FormView.RowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "index": index
        case "number": number
        case "fields": fields
        default: nil
        }
    }
}

extension FormView.SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "help": help
        case "fields": fields
        default: nil
        }
    }
}
