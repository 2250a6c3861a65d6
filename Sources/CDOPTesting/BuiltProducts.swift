import Foundation

/// Where SwiftPM put the executables built beside the running test bundle.
package enum BuiltProducts {
    /// The folder of the running test executable (`.build/<triple>/debug`), which holds our executables too.
    package static var directory: URL {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On macOS the test binary sits inside an .xctest bundle: Contents/MacOS/<name>.
        while url.path.contains(".xctest") { url.deleteLastPathComponent() }
        return url
    }

    /// The path of one of our executables, e.g. `cdop` or `cdop-crash-probe`.
    package static func executable(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The package's root folder (holding Package.swift), found from this source file.
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
