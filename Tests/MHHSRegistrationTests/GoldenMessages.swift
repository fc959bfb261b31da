import Foundation
import MHHSMessages
import Testing

/// Golden DIP messages: compared byte for byte with the files under Fixtures/dip;
/// `MHHS_UPDATE_GOLDEN=1` rewrites them. `.ci/run` checks every file there with
/// `../shared/tools/dip-validate`.
enum GoldenMessages {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dip")

    static func check(_ files: [(name: String, message: DIPMessage)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (name, message) in files {
            let data = try DIPMessage.jsonArray([message], pretty: true)
            let url = folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["MHHS_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: url)
            }
            #expect(try Data(contentsOf: url) == data, "\(name) differs from the golden file", sourceLocation: sourceLocation)
        }
    }
}
