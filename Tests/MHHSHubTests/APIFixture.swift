import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSServer
import MHHSSettlement
import MHHSStorage

/// The hub fixture's participants and register (one MHHS point of supplier SUPA in SOUT's
/// area, group _H) plus an operator, with the REST API over real stores in the same database.
struct APIFixture {
    static let operator_ = Participant(dipID: try! DIPID("9000000001"), mpid: try! MPID("OPSA"), role: .centralOperator)
    static let date = try! SettlementDate("2026-11-02")

    let hub: HubFixture
    let server: HubServer
    let operatorKey: String
    let runs: SQLiteSettlementStore
    let audit: SQLiteAuditTrail

    init() async throws {
        hub = try await HubFixture()
        operatorKey = APIKey.generate()
        try await hub.store.save(HubParticipant(participant: Self.operator_, apiKeyHash: APIKey.hash(operatorKey)))
        let database = hub.database
        let register = hub.register
        let settlement = SQLiteSettlementStore(database: database)
        let spData = try FileSPDataStore(database: database, dataDirectory: hub.directory)
        let shapes = SQLiteLoadShapeStore(database: database)
        let migrations = SQLiteMigrationStore(database: database)
        let audit = SQLiteAuditTrail(database: database)
        runs = settlement
        self.audit = audit
        // The point's settlement attributes, so the VAS settles it (defaulted: it sends no data).
        var facts = HubFixture.registration(supplier: "SUPA", effective: "2026-01-01").facts
        facts.connectionType = .wholeCurrent
        facts.energyDirection = .importing
        facts.domesticPremise = .domestic
        facts.llfClass = "001"
        try await register.record([
            RegisterAssertion(
                mpan: HubFixture.mpan, gspGroup: try GSPGroup(code: "_H"), effectiveFrom: try SettlementDate("2026-01-01"),
                recordedAt: UTCInstant(utcMidnightOfDay: try SettlementDate("2026-01-02").dayNumber), mask: .all, facts: facts,
                source: "test", sequence: 0)
        ])
        // Group _H's import take for the date: 48 periods of 1 kWh.
        try await settlement.recordTakes(
            (1...48).map {
                GroupTake(
                    settlementDate: Self.date, gspGroup: try! GSPGroup(code: "_H"), period: try! SettlementPeriod($0),
                    direction: .importing, wattHours: 1_000)
            }, recordedAt: UTCInstant(utcMidnightOfDay: Self.date.dayNumber + 1))
        var logger = Logger(label: "mhhs.test.api")
        logger.logLevel = .critical
        let directory = StaticParticipantDirectory(HubFixture.all)
        server = HubServer(
            configuration: HubConfiguration(hubDIPID: try DIPID("0000000000")), store: hub.store, register: register,
            validate: HubServer.specificationValidator, webhooks: NoWebhooks(), clock: { HubFixture.now }, logger: logger
        ) { participants in
            APIContext(
                participants: participants, register: register, runs: settlement, shapes: shapes, migrations: migrations, audit: audit,
                settle: { date, type, at in
                    try await SettlementRunner(
                        register: register, spData: spData, takes: settlement, runs: settlement, shapes: shapes,
                        lineLossFactors: { _, _, _ in nil }
                    ).run(date: date, type: type, at: at)
                },
                migrate: { date, at in
                    try await MigrationService(
                        register: register, migrations: migrations,
                        registration: RegistrationService(
                            repository: register, registrationService: HubFixture.registration.dipID,
                            marketwideDataService: HubFixture.mds.dipID, directory: directory, environmentTag: "SIT", clock: { at })
                    ).run(date: date, at: at, actAsProviders: false)
                },
                clock: { HubFixture.now }, logger: logger)
        }
    }

    func key(_ participant: Participant) -> String { participant == Self.operator_ ? operatorKey : hub.key(participant) }
}
