import ArgumentParser
import Foundation
import MHHSStorage

/// `--data-dir`, taken by every command that reads or writes data.
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The folder holding the embedded database.")
    var path: String = "./mhhs-data"

    var url: URL { URL(fileURLWithPath: path) }

    func openDatabase() throws -> SQLiteDatabase { try SQLiteDatabase(dataDirectory: url) }
}
