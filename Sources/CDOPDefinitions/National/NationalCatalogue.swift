import Foundation

/// The national data set: the items of the National Child Mortality Database's statutory forms (the
/// notification, the reporting form, its supplementary forms and the analysis form), read from
/// `Forms/national/ncmd-items.yaml`. A form field's `national:` key names one of these items.
package struct NationalCatalogue: Hashable, Sendable {
    /// The national forms, in file order.
    package let forms: [NationalForm]
    /// Every item of every form, in file order.
    package let items: [NationalItem]
    /// Where each item is in `items`, by key (the first, should a key be repeated).
    private let indexByKey: [String: Int]

    package init(forms: [NationalForm]) {
        self.forms = forms
        items = forms.flatMap { $0.sections.flatMap(\.items) }
        indexByKey = Dictionary(items.enumerated().map { ($1.key, $0) }) { first, _ in first }
    }

    /// The item with this key ("reporting.B.mode-of-death"), if the data set has it.
    package func item(_ key: String) -> NationalItem? {
        indexByKey[key].map { items[$0] }
    }

    /// The national form a cdop form (by id) is returned as.
    package func form(forCDOPForm id: String) -> NationalForm? {
        forms.first { $0.cdopForm == id }
    }
}

/// One statutory form of the national data set.
package struct NationalForm: Hashable, Sendable {
    /// "notification", "reporting", "analysis", or a supplementary form's name ("sudi-sudc").
    package var id: String
    package var title: String
    /// The id of the form in `Forms/` that answers it.
    package var cdopForm: String
    package var sections: [NationalSection]

    package init(id: String, title: String, cdopForm: String, sections: [NationalSection]) {
        self.id = id
        self.title = title
        self.cdopForm = cdopForm
        self.sections = sections
    }

    /// The items the annual return needs answered.
    package var requiredItems: [NationalItem] { sections.flatMap(\.items).filter(\.required) }
}

/// One section of a national form, as the statutory form lays it out ("A", "B", …).
package struct NationalSection: Hashable, Sendable {
    package var id: String
    package var title: String
    package var items: [NationalItem]

    package init(id: String, title: String, items: [NationalItem]) {
        self.id = id
        self.title = title
        self.items = items
    }
}

/// What a national item holds.
package enum NationalItemType: String, CaseIterable, Hashable, Sendable {
    case text
    case date
    case dateTime = "date-time"
    case number
    /// One code from the item's code list.
    case code
    /// Any number of codes from the item's code list.
    case codes
}

/// One answer a national coded item can take.
package struct NationalCode: Hashable, Sendable {
    package var code: String
    package var label: String

    package init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// One item of the national data set.
package struct NationalItem: Hashable, Sendable {
    /// Stable: "FORM.SECTION.ITEM", e.g. "reporting.B.mode-of-death".
    package var key: String
    package var form: String
    package var section: String
    package var label: String
    package var type: NationalItemType
    /// Whether the annual return needs it answered.
    package var required: Bool
    /// For coded items: the codes the national form accepts, in its order.
    package var codes: [NationalCode]

    package init(
        form: String, section: String, id: String, label: String, type: NationalItemType, required: Bool,
        codes: [NationalCode] = []
    ) {
        self.key = "\(form).\(section).\(id)"
        self.form = form
        self.section = section
        self.label = label
        self.type = type
        self.required = required
        self.codes = codes
    }

    package var isCoded: Bool { type == .code || type == .codes }
}

/// A form field's national counterpart: the item it fills and, for a field with choices, the national code of
/// each choice (a choice left out of `codes` is sent as its own value).
package struct NationalMapping: Hashable, Sendable {
    /// The national item's key.
    package var item: String
    /// A field choice's id → the national code it is sent as.
    package var codes: [String: String]

    package init(item: String, codes: [String: String] = [:]) {
        self.item = item
        self.codes = codes
    }

    /// The national code a choice is sent as.
    package func code(for choice: String) -> String { codes[choice] ?? choice }
}
