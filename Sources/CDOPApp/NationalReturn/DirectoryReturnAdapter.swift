import Foundation

/// The default adapter: writes a return's files to a folder of its own, `ncmd-return-YEAR-HASH12` under
/// `directory` (case documents under `cases/`, named by national case key, beside the return's other files).
/// The folder appears whole or not at all: everything is written to a hidden temporary folder first, then
/// renamed into place. A folder already there for the same return means it was delivered before.
package struct DirectoryReturnAdapter: NationalReturnAdapter {
    package var directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// The folder a return is written to.
    package func folder(for nationalReturn: NationalReturn) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent(
            "ncmd-return-\(nationalReturn.year)-\(nationalReturn.manifestHash.prefix(12))")
    }

    package func deliver(_ nationalReturn: NationalReturn, by actor: Actor) async throws(NationalReturnDeliveryError)
        -> NationalReturnReceipt
    {
        let files = try Self.files(of: nationalReturn)
        let target = folder(for: nationalReturn)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) {
            return .written(folder: target.path, files: files.count)
        }
        let temporary = URL(fileURLWithPath: directory).appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString.lowercased()).tmp")
        do {
            for (path, data) in files {
                let file = temporary.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.removeItem(at: temporary)
            if manager.fileExists(atPath: target.path) {
                return .written(folder: target.path, files: files.count)
            }
            throw NationalReturnDeliveryError(
                code: "ncmd.directoryUnwritable",
                "The national return could not be written to \(directory): \((error as NSError).localizedDescription)")
        }
        return .written(folder: target.path, files: files.count)
    }

    /// Every file of the return by relative path; a path that would leave the folder, or name a file twice, is
    /// refused.
    static func files(of nationalReturn: NationalReturn) throws(NationalReturnDeliveryError) -> [(String, Data)] {
        var files: [(String, Data)] = []
        var seen: Set<String> = []
        let named =
            nationalReturn.documents.map { ("cases/\($0.nationalCaseKey).json", $0.json) }
            + nationalReturn.otherFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (path, data) in named {
            let parts = path.split(separator: "/")
            guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }),
                seen.insert(path).inserted
            else {
                throw NationalReturnDeliveryError(
                    code: "ncmd.badFileName", "The national return names a file \"\(path)\" that cannot be written.")
            }
            files.append((path, data))
        }
        return files
    }
}
