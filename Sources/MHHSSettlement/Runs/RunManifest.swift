import MHHSCore
import MHHSMessages

/// What a run was made from and what it produced, so anyone can check or reproduce it.
public struct RunManifest: Sendable, Hashable, Codable {
    /// `<date>-<run type>-<number>`, e.g. `2026-11-02-SF-1`.
    public let id: String
    public let settlementDate: SettlementDate
    public let runType: SettlementRunType
    /// 1 for the first run of this type for the date, 2 for a rerun, …
    public let runNumber: Int
    /// When the run was made: the register is read as known then, and SP data and takes
    /// received up to then count.
    public let runAt: UTCInstant
    public let spDataVersion: Int64
    public let codeVersion: String
    /// Input name → SHA-256 (hex): every SP-data segment, each group's register snapshot, the
    /// LLFs and takes used, and the configuration.
    public let inputs: [String: String]
    /// Result file name → SHA-256 (hex).
    public let results: [String: String]

    public init(
        id: String, settlementDate: SettlementDate, runType: SettlementRunType, runNumber: Int, runAt: UTCInstant,
        spDataVersion: Int64, codeVersion: String, inputs: [String: String], results: [String: String]
    ) {
        self.id = id
        self.settlementDate = settlementDate
        self.runType = runType
        self.runNumber = runNumber
        self.runAt = runAt
        self.spDataVersion = spDataVersion
        self.codeVersion = codeVersion
        self.inputs = inputs
        self.results = results
    }

    /// The manifest as canonical JSON (sorted keys).
    public var json: [UInt8] {
        JSONWriter.bytes(
            .object([
                "id": .string(id), "settlementDate": .string(settlementDate.description), "runType": .string(runType.rawValue),
                "runNumber": .number(String(runNumber)), "runAt": .string(runAt.description),
                "spDataVersion": .number(String(spDataVersion)), "codeVersion": .string(codeVersion),
                "inputs": .object(inputs.mapValues(JSONValue.string)), "results": .object(results.mapValues(JSONValue.string)),
            ]))
    }

    /// Reads the JSON ``json`` writes.
    public init(json: [UInt8]) throws {
        let value = try JSONParser.parse(json)
        func text(_ key: String) throws -> String {
            guard let text = value[key]?.stringValue else { throw RunManifestError(field: key) }
            return text
        }
        func number(_ key: String) throws -> Int64 {
            guard case .number(let text)? = value[key], let number = Int64(text) else { throw RunManifestError(field: key) }
            return number
        }
        func map(_ key: String) throws -> [String: String] {
            guard case .object(let members)? = value[key] else { throw RunManifestError(field: key) }
            return members.compactMapValues(\.stringValue)
        }
        guard let type = SettlementRunType(rawValue: try text("runType")) else { throw RunManifestError(field: "runType") }
        self.init(
            id: try text("id"), settlementDate: try SettlementDate(try text("settlementDate")), runType: type,
            runNumber: Int(try number("runNumber")), runAt: try DIPDateTime(try text("runAt")).instant,
            spDataVersion: try number("spDataVersion"), codeVersion: try text("codeVersion"), inputs: try map("inputs"),
            results: try map("results"))
    }
}

public struct RunManifestError: Error, CustomStringConvertible {
    public let field: String
    public var description: String { "run manifest: missing or invalid \(field)" }
}

/// The version recorded in run manifests.
public enum OpenMHHSVersion {
    public static let current = "0.5.0"
}
