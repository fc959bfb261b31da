import Foundation

/// Locates the real reference data in `../shared/reference` beside the project.
///
/// Tests that need it skip with a clear message when it is absent (a fresh machine has no
/// `../shared`); the data is never copied into the project.
public enum ReferenceData {
    /// The project's root folder (the one holding Package.swift).
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/reference`, or the folder named by `MHHS_REFERENCE_DIR`.
    public static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["MHHS_REFERENCE_DIR"] {
            return URL(fileURLWithPath: override)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    }()

    /// A file or folder under the reference directory, or nil when it is not there.
    public static func path(_ relative: String) -> URL? {
        let url = directory.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether a reference file is present; tests use it in `.enabled(if:)`.
    public static func has(_ relative: String) -> Bool { path(relative) != nil }

    /// The message tests print when they skip for lack of reference data.
    public static let missingMessage = "../shared/reference is absent: skipping tests on real reference data"
}
