import Foundation
import Yams

/// Reads `Forms/national/ncmd-items.yaml` into a `NationalCatalogue`, naming every problem with its key path.
enum NationalCatalogueFile {
    static let file = "Forms/national/ncmd-items.yaml"
    static let topKeys = ["code-lists", "forms"]
    static let formKeys = ["id", "title", "cdop-form", "sections"]
    static let sectionKeys = ["id", "title", "items"]
    static let itemKeys = ["id", "label", "type", "required", "codes"]
    static let codeKeys = ["code", "label"]

    static func load(_ text: String, reader: YAMLReader) -> NationalCatalogue? {
        guard let root = reader.parse(text),
            let top = reader.mapping(root, at: "", allowed: topKeys, required: ["forms"])
        else { return nil }
        var lists: [String: [NationalCode]] = [:]
        for entry in reader.entries(top["code-lists"], at: "code-lists", what: "named code lists") ?? [] {
            lists[entry.key] = codes(entry.value, at: join("code-lists", entry.key), reader: reader)
        }
        var forms: [NationalForm] = []
        var formIDs: Set<String> = []
        for (index, node) in (reader.sequence(top["forms"], at: "forms", what: "forms") ?? []).enumerated() {
            guard
                let keys = reader.mapping(
                    node, at: join("forms", index), allowed: formKeys,
                    required: ["id", "title", "cdop-form", "sections"]),
                let id = reader.identifier(keys["id"], at: keys.path("id")),
                let title = reader.string(keys["title"], at: keys.path("title")),
                let cdopForm = reader.identifier(keys["cdop-form"], at: keys.path("cdop-form"))
            else { continue }
            if !formIDs.insert(id).inserted {
                reader.problem(keys.path("id"), keys["id"], "the national form '\(id)' is listed twice")
            }
            let sections = self.sections(
                keys["sections"], at: keys.path("sections"), form: id, lists: lists, reader: reader)
            forms.append(NationalForm(id: id, title: title, cdopForm: cdopForm, sections: sections))
        }
        return NationalCatalogue(forms: forms)
    }

    private static func sections(
        _ node: Node?, at path: String, form: String, lists: [String: [NationalCode]], reader: YAMLReader
    ) -> [NationalSection] {
        var sections: [NationalSection] = []
        for (index, node) in (reader.sequence(node, at: path, what: "sections") ?? []).enumerated() {
            guard
                let keys = reader.mapping(
                    node, at: join(path, index), allowed: sectionKeys, required: ["id", "title", "items"]),
                let id = reader.string(keys["id"], at: keys.path("id")),
                let title = reader.string(keys["title"], at: keys.path("title"))
            else { continue }
            if sections.contains(where: { $0.id == id }) {
                reader.problem(keys.path("id"), keys["id"], "the section '\(id)' is listed twice in '\(form)'")
            }
            var items: [NationalItem] = []
            let itemsPath = keys.path("items")
            for (itemIndex, itemNode) in (reader.sequence(keys["items"], at: itemsPath, what: "items") ?? [])
                .enumerated()
            {
                guard
                    let item = self.item(
                        itemNode, at: join(itemsPath, itemIndex), form: form, section: id, lists: lists, reader: reader)
                else { continue }
                if items.contains(where: { $0.key == item.key }) {
                    reader.problem(join(itemsPath, itemIndex), itemNode, "the item '\(item.key)' is listed twice")
                    continue
                }
                items.append(item)
            }
            sections.append(NationalSection(id: id, title: title, items: items))
        }
        return sections
    }

    private static func item(
        _ node: Node, at path: String, form: String, section: String, lists: [String: [NationalCode]],
        reader: YAMLReader
    ) -> NationalItem? {
        guard let keys = reader.mapping(node, at: path, allowed: itemKeys, required: ["id", "label", "type"]),
            let id = reader.identifier(keys["id"], at: keys.path("id")),
            let label = reader.string(keys["label"], at: keys.path("label")),
            let type = reader.choice(keys["type"], at: keys.path("type"), of: NationalItemType.self, what: "item type")
        else { return nil }
        let required = keys["required"].flatMap { reader.bool($0, at: keys.path("required")) } ?? false
        var codes: [NationalCode] = []
        if let node = keys["codes"] {
            if case .scalar = node, let name = reader.string(node, at: keys.path("codes")) {
                if let list = lists[name] {
                    codes = list
                } else {
                    reader.problem(
                        keys.path("codes"), node,
                        "there is no code list '\(name)'\(YAMLReader.suggestion(name, among: Array(lists.keys))) "
                            + "under 'code-lists'")
                }
            } else {
                codes = self.codes(node, at: keys.path("codes"), reader: reader)
            }
        }
        let coded = type == .code || type == .codes
        if coded, keys["codes"] == nil {
            reader.problem(keys.path("codes"), node, "a \(type.rawValue) item needs 'codes': its code list")
        } else if !coded, let node = keys["codes"] {
            reader.problem(keys.path("codes"), node, "only code and codes items have a code list; remove 'codes'")
        }
        return NationalItem(
            form: form, section: section, id: id, label: label, type: type, required: required, codes: codes)
    }

    private static func codes(_ node: Node, at path: String, reader: YAMLReader) -> [NationalCode] {
        var codes: [NationalCode] = []
        for (index, node) in (reader.sequence(node, at: path, what: "codes") ?? []).enumerated() {
            guard let keys = reader.mapping(node, at: join(path, index), allowed: codeKeys, required: codeKeys),
                let code = reader.string(keys["code"], at: keys.path("code")),
                let label = reader.string(keys["label"], at: keys.path("label"))
            else { continue }
            if codes.contains(where: { $0.code == code }) {
                reader.problem(keys.path("code"), keys["code"], "the code '\(code)' is listed twice")
                continue
            }
            codes.append(NationalCode(code: code, label: label))
        }
        return codes
    }
}
