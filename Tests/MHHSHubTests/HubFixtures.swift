import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSServer
import MHHSStorage

/// A hub on a fresh embedded database with a small market: one data service, two suppliers,
/// the LDSO, the MDS and the LSS, and one registered MPAN.
struct HubFixture: Sendable {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dip")
    static let mpan = try! MPAN("2000056535971")
    static let now = UTCInstant(secondsSinceEpoch: 1_793_671_200)  // 2026-11-03T02:00:00Z

    static let dataService = Participant(dipID: try! DIPID("1401234567"), mpid: try! MPID("SDSA"), role: .smartDataService)
    static let supplier = Participant(dipID: try! DIPID("3000000001"), mpid: try! MPID("SUPA"), role: .supplier)
    static let otherSupplier = Participant(dipID: try! DIPID("3000000002"), mpid: try! MPID("SUPB"), role: .supplier)
    static let distributor = Participant(dipID: try! DIPID("2000000000"), mpid: try! MPID("SOUT"), role: .distributor)
    static let mds = Participant(dipID: try! DIPID("5000000001"), mpid: try! MPID("ELXM"), role: .marketwideDataService)
    static let lss = Participant(dipID: try! DIPID("5000000002"), mpid: try! MPID("ELXL"), role: .loadShapingService)
    static let registration = Participant(dipID: try! DIPID("1000000001"), mpid: try! MPID("REGS"), role: .registrationService)
    static let all = [dataService, supplier, otherSupplier, distributor, mds, lss, registration]

    let directory: URL
    let database: SQLiteDatabase
    let store: SQLiteHubStore
    let register: SQLiteRegisterRepository
    let server: HubServer
    /// Each participant's API key, by DIP id.
    let keys: [DIPID: String]

    init(
        validate: @escaping DIPMessageValidator = HubServer.specificationValidator, webhooks: any WebhookTransport = NoWebhooks(),
        signingKeys: [DIPID: String] = [:], webhookURLs: [DIPID: String] = [:], clock: @escaping @Sendable () -> UTCInstant = { now }
    ) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-hub-\(UUID().uuidString)")
        database = try SQLiteDatabase(dataDirectory: directory)
        store = SQLiteHubStore(database: database)
        register = SQLiteRegisterRepository(database: database)
        var keys: [DIPID: String] = [:]
        for participant in Self.all {
            let key = APIKey.generate()
            keys[participant.dipID] = key
            try await store.save(
                HubParticipant(
                    participant: participant, apiKeyHash: APIKey.hash(key), webhookURL: webhookURLs[participant.dipID],
                    signingKeyPEM: signingKeys[participant.dipID]))
        }
        self.keys = keys
        try await register.record([Self.registration(supplier: "SUPA", effective: "2026-01-01")])
        var logger = Logger(label: "mhhs.test.hub")
        logger.logLevel = .critical
        server = HubServer(
            configuration: HubConfiguration(hubDIPID: try DIPID("0000000000")), store: store, register: register, validate: validate,
            webhooks: webhooks, retry: RetryPolicy(initialSeconds: 10, maximumSeconds: 80), clock: clock, logger: logger)
    }

    static func registration(supplier: String, effective: String, recorded: String = "2026-01-01") -> RegisterAssertion {
        var facts = MeteringPointFacts()
        facts.supplier = try! MPID(supplier)
        facts.distributor = try! MPID("SOUT")
        facts.dataService = Appointment(role: .smartDataService, provider: try! MPID("SDSA"))
        facts.energisation = .energised
        facts.marketSegment = .smart
        facts.arrangement = .mhhs
        return RegisterAssertion(
            mpan: mpan, gspGroup: try! GSPGroup(code: "_H"), effectiveFrom: try! SettlementDate(effective),
            recordedAt: UTCInstant(utcMidnightOfDay: try! SettlementDate(recorded).dayNumber), mask: .all, facts: facts,
            source: "test", sequence: 0)
    }

    func key(_ participant: Participant) -> String { keys[participant.dipID]! }

    /// The golden IF-021 (one UTC day of 48 periods), optionally with another sender reference.
    static func consumption(reference: String? = nil) throws -> JSONValue {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("IF-021-ActivePower.json")))
        guard case .array(let messages) = try JSONParser.parse(bytes), var message = messages.first else { fatalError("fixture") }
        if let reference { message = message.setting(["payload", "CommonBlock", "S1", "senderUniqueReference"], to: .string(reference)) }
        return message
    }

    static func body(_ messages: JSONValue...) -> [UInt8] { JSONWriter.bytes(.array(messages)) }
    static func body(contentsOf messages: [JSONValue]) -> [UInt8] { JSONWriter.bytes(.array(messages)) }
}

/// No participant in these tests has a webhook unless a test gives it one.
struct NoWebhooks: WebhookTransport {
    func post(_ body: [UInt8], to url: String, recipient: DIPID) async throws -> WebhookReceipt { throw WebhookRejected(status: 503) }
}

extension JSONValue {
    /// A copy with the value at `path` replaced (created when missing); nil removes it.
    func setting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        guard case .object(var members) = self else { return self }
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = (members[key] ?? .object([:])).setting(Array(path.dropFirst()), to: value)
        }
        return .object(members)
    }
}
