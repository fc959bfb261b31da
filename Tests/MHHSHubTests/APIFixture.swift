import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSServer
import MHHSSettlement
import MHHSStandingData
import MHHSStorage
import MHHSTestSupport

/// The hub fixture's participants plus an operator, one MHHS point of supplier SUPA in SOUT's
/// area (group _H) with the group's take, and the REST API and dashboard over real stores:
/// the embedded database or PostgreSQL.
struct APIFixture {
    enum Backend: String, CaseIterable, Sendable { case sqlite, postgres }

    static let operator_ = Participant(dipID: try! DIPID("9000000001"), mpid: try! MPID("OPSA"), role: .centralOperator)
    static let date = try! SettlementDate("2026-11-02")

    let server: HubServer
    let stores: Stores
    let keys: [DIPID: String]
    let runs: any SettlementRunRepository
    let audit: any AuditTrail

    func key(_ participant: Participant) -> String { keys[participant.dipID]! }
    var operatorKey: String { key(Self.operator_) }

    struct Stores {
        let hub: any HubStore
        let register: any RegisterRepository
        let settlement: any GroupTakeRepository & SettlementRunRepository
        let spData: any SPDataStore
        let shapes: any LoadShapeRepository
        let migrations: any MigrationRepository
        let audit: any AuditTrail
        let locks: any ExclusiveLocks
    }

    /// Runs `body` with a fixture on `backend` (a fresh database each time).
    static func with(_ backend: Backend, _ body: (APIFixture) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-api-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try SQLiteDatabase(dataDirectory: directory)
            let settlement = SQLiteSettlementStore(database: database)
            try await body(
                try await APIFixture(
                    Stores(
                        hub: SQLiteHubStore(database: database), register: SQLiteRegisterRepository(database: database),
                        settlement: settlement, spData: try FileSPDataStore(database: database, dataDirectory: directory),
                        shapes: SQLiteLoadShapeStore(database: database), migrations: SQLiteMigrationStore(database: database),
                        audit: SQLiteAuditTrail(database: database), locks: FileLocks(dataDirectory: directory))))
        case .postgres:
            try await PostgresTestDatabase.withDatabase { database in
                let settlement = PostgresSettlementStore(database: database)
                try await body(
                    try await APIFixture(
                        Stores(
                            hub: PostgresHubStore(database: database), register: PostgresRegisterRepository(database: database),
                            settlement: settlement, spData: PostgresSPDataStore(database: database),
                            shapes: PostgresLoadShapeStore(database: database), migrations: PostgresMigrationStore(database: database),
                            audit: PostgresAuditTrail(database: database), locks: PostgresLocks(database: database))))
            }
        }
    }

    /// The backends to test: PostgreSQL only when `DATABASE_URL` names a server.
    static var backends: [Backend] { PostgresTestDatabase.url == nil ? [.sqlite] : Backend.allCases }

    init(_ stores: Stores) async throws {
        var keys: [DIPID: String] = [:]
        for participant in HubFixture.all + [Self.operator_] {
            let key = APIKey.generate()
            keys[participant.dipID] = key
            try await stores.hub.save(HubParticipant(participant: participant, apiKeyHash: APIKey.hash(key)))
        }
        self.keys = keys
        self.stores = stores
        // The point with its settlement attributes, so the VAS settles it (defaulted: it sends no data).
        var facts = HubFixture.registration(supplier: "SUPA", effective: "2026-01-01").facts
        facts.connectionType = .wholeCurrent
        facts.energyDirection = .importing
        facts.domesticPremise = .domestic
        facts.llfClass = "001"
        try await stores.register.record([
            RegisterAssertion(
                mpan: HubFixture.mpan, gspGroup: try GSPGroup(code: "_H"), effectiveFrom: try SettlementDate("2026-01-01"),
                recordedAt: UTCInstant(utcMidnightOfDay: try SettlementDate("2026-01-02").dayNumber), mask: .all, facts: facts,
                source: "test", sequence: 0)
        ])
        // Group _H's import take for the date: 48 periods of 1 kWh.
        try await stores.settlement.recordTakes(
            try (1...48).map {
                GroupTake(
                    settlementDate: Self.date, gspGroup: try GSPGroup(code: "_H"), period: try SettlementPeriod($0), direction: .importing,
                    wattHours: 1_000)
            }, recordedAt: UTCInstant(utcMidnightOfDay: Self.date.dayNumber + 1))
        runs = stores.settlement
        audit = stores.audit
        var logger = Logger(label: "mhhs.test.api")
        logger.logLevel = .critical
        let directory = StaticParticipantDirectory(HubFixture.all)
        server = HubServer(
            configuration: HubConfiguration(hubDIPID: try DIPID("0000000000")), store: stores.hub, register: stores.register,
            validate: HubServer.specificationValidator, webhooks: NoWebhooks(), clock: { HubFixture.now }, logger: logger
        ) { participants in
            APIContext(
                participants: participants, register: stores.register, runs: stores.settlement, shapes: stores.shapes,
                migrations: stores.migrations, audit: stores.audit,
                settle: { date, type, at in
                    try await SettlementRunner(
                        register: stores.register, spData: stores.spData, takes: stores.settlement, runs: stores.settlement,
                        shapes: stores.shapes, lineLossFactors: { _, _, _ in nil }
                    ).run(date: date, type: type, at: at)
                },
                migrate: { date, at in
                    try await stores.locks.withLock("migration") {
                        try await MigrationService(
                            register: stores.register, migrations: stores.migrations,
                            registration: RegistrationService(
                                repository: stores.register, registrationService: HubFixture.registration.dipID,
                                marketwideDataService: HubFixture.mds.dipID, directory: directory, environmentTag: "SIT", clock: { at })
                        ).run(date: date, at: at, actAsProviders: false)
                    }
                },
                marketDomainData: {
                    try ReferenceData.path("mdd-377").map { try MarketDomainDataImporter.load(directory: $0) }
                },
                lineLossFactors: { distributor, llfClass, date in
                    // SOUT class 1 only: 1.023 in every period of the date.
                    guard distributor.value == "SOUT", llfClass == "1" else { return nil }
                    return LLFDay(
                        distributor: distributor, llfClass: llfClass, date: date,
                        factors: Array(repeating: LineLossFactor(text: "1.023")!, count: date.periodCount))
                },
                clock: { HubFixture.now }, logger: logger)
        }
    }
}
