import Foundation
import MHHSCore
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage
import MHHSTestSupport

/// A complete embedded settlement system in a temporary folder, driven the way the CLI drives
/// it: registrations from CSV, IF-021 bytes through the decoder and MDS, takes from CSV, runs
/// through ``SettlementRunner``.
struct SettlementWorld {
    let folder: URL
    let database: SQLiteDatabase
    let register: SQLiteRegisterRepository
    let spData: FileSPDataStore
    let settlement: SQLiteSettlementStore
    let standingData: SQLiteStandingDataRepository

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-settlement-\(UUID().uuidString)")
        database = try SQLiteDatabase(dataDirectory: folder)
        register = SQLiteRegisterRepository(database: database)
        spData = try FileSPDataStore(database: database, dataDirectory: folder)
        settlement = SQLiteSettlementStore(database: database)
        standingData = SQLiteStandingDataRepository(database: database)
    }

    static func fixture(_ scenario: String, _ file: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/scenarios/\(scenario)/\(file)")
    }

    func registrations(_ url: URL, recordedAt: String) async throws {
        let instant = try DIPDateTime(recordedAt).instant
        _ = try await register.recordAll { store in try RegistrationFile.read(url, recordedAt: instant, store: store) }
    }

    /// LLFs of one class: the same factor in every period of each date.
    func lineLossFactors(distributor: String, llfClass: String, factor: String, dates: [SettlementDate]) throws {
        try standingData.importLineLossFactors(source: "test") { store in
            for date in dates {
                try store(
                    LLFDay(
                        distributor: try MPID(distributor), llfClass: llfClass, date: date,
                        factors: Array(repeating: LineLossFactor(text: factor)!, count: date.periodCount)))
            }
        }
    }

    /// Ingests consumption rows, one ingest per `received_at`; returns MDS's refusals.
    @discardableResult
    func consumption(_ url: URL) async throws -> [MDSRejection] {
        var refusals: [MDSRejection] = []
        for (received, messages) in try ConsumptionFixture.messages(url) {
            let items = try IF021Decoder.decode(Array(messages.utf8))
            var histories: [Int64: [RegisterAssertion]] = [:]
            for case .submission(let submission) in items {
                histories[submission.mpan.value] = try await register.assertions(for: submission.mpan)
            }
            let outcome = MDSIngest().run(items, receivedAt: received) { mpan, date in
                guard let history = histories[mpan.value], let first = history.first,
                    let facts = RegisterFold.state(of: history, on: date, asKnownAt: received)
                else { return nil }
                return MeteringPointDay(
                    gspGroup: first.gspGroup, settledInMHHS: facts.arrangement == .mhhs && facts.supplier != nil,
                    deEnergised: facts.energisation == .deEnergised)
            }
            _ = try await spData.append(outcome.segments, receivedAt: received)
            refusals += outcome.rejections
        }
        return refusals
    }

    func takes(_ url: URL, recordedAt: String) async throws {
        let takes = try GroupTakeCSV.parse(try String(contentsOf: url, encoding: .utf8))
        try await settlement.recordTakes(takes, recordedAt: try DIPDateTime(recordedAt).instant)
    }

    func settle(_ date: String, _ run: SettlementRunType, at: String) async throws -> StoredSettlementRun {
        let standingData = self.standingData
        let runner = SettlementRunner(register: register, spData: spData, takes: settlement, runs: settlement) {
            distributor, llfClass, date in
            try standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
        return try await runner.run(date: try SettlementDate(date), type: run, at: try DIPDateTime(at).instant)
    }
}
