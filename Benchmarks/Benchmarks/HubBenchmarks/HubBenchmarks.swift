import Benchmark
import Foundation
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSServer
import MHHSStorage
import Synchronization

/// A hub on a fresh embedded database with the participants IF-021 routes to and one
/// registered MPAN, and `batches` request bodies of `perBatch` distinct IF-021 messages (one
/// UTC day of 48 periods each, ~4 KB).
final class HubBench: Sendable {
    let ingress: HubIngress
    let caller: HubParticipant
    let now = UTCInstant(secondsSinceEpoch: 1_793_671_200)
    let perBatch: Int
    /// How many request bodies have been handed out: every body is new to the hub.
    let cursor = Mutex(0)
    /// The message's bytes before and after its sender reference.
    static let template: (prefix: [UInt8], suffix: [UInt8]) = {
        let parts = consumptionMessage().components(separatedBy: "REFERENCE")
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }()

    /// The next request body, `perBatch` messages with references never used before.
    func nextBody() -> [UInt8] {
        let batch = cursor.withLock { value -> Int in
            value += 1
            return value
        }
        var body: [UInt8] = [UInt8(ascii: "[")]
        for index in 0..<perBatch {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += Self.template.prefix
            body += Array("S-IF-021-1401234567-SDS-20261103-b\(batch)m\(index)".utf8)
            body += Self.template.suffix
        }
        body.append(UInt8(ascii: "]"))
        return body
    }

    /// Posts `requests` new bodies one after another, as one client; each must be accepted whole.
    /// Making a body (byte copies, ~1 ms per 1,000 messages) is inside the measurement.
    func submit(requests: Int) async throws {
        for _ in 0..<requests {
            let reply = try await ingress.submit(channel: "IF-021", body: nextBody(), from: caller, now: now)
            precondition(reply.status == 201, "\(reply.codes)")
        }
    }

    init(perBatch: Int, routeByRegister: Bool = true) async throws {
        self.perBatch = perBatch
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-hub-bench-\(UUID().uuidString)")
        let database = try SQLiteDatabase(dataDirectory: directory)
        let store = SQLiteHubStore(database: database)
        let register = SQLiteRegisterRepository(database: database)
        let participants: [(String, String, DIPRole)] = [
            ("1401234567", "SDSA", .smartDataService), ("3000000001", "SUPA", .supplier), ("2000000000", "SOUT", .distributor),
            ("5000000001", "ELXM", .marketwideDataService), ("5000000002", "ELXL", .loadShapingService),
        ]
        for (id, mpid, role) in participants {
            try await store.save(
                HubParticipant(
                    participant: Participant(dipID: try DIPID(id), mpid: try MPID(mpid), role: role), apiKeyHash: APIKey.hash(id)))
        }
        var facts = MeteringPointFacts()
        facts.supplier = try MPID("SUPA")
        facts.distributor = try MPID("SOUT")
        try await register.record([
            RegisterAssertion(
                mpan: try MPAN("2000056535971"), gspGroup: try GSPGroup(code: "_H"), effectiveFrom: try SettlementDate("2026-01-01"),
                recordedAt: UTCInstant(secondsSinceEpoch: 0), mask: .all, facts: facts, source: "bench", sequence: 0)
        ])
        caller = try await store.participant(apiKeyHash: APIKey.hash("1401234567"))!
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        ingress = HubIngress(
            configuration: HubConfiguration(hubDIPID: try DIPID("0000000000")), store: store,
            participants: ParticipantRegistry(store: store),
            appointments: routeByRegister
                ? RegisterAppointedParties(register: register, clock: { UTCInstant(secondsSinceEpoch: 1_793_671_200) }) : nil,
            validate: HubServer.specificationValidator, logger: logger)
    }

    /// One IF-021 message as JSON text with `REFERENCE` for its sender reference.
    static func consumptionMessage() -> String {
        var periods: [String] = []
        var minute = 0
        for index in 0..<48 {
            minute += 30
            let end =
                minute == 1_440 ? "2026-11-03T00:00:00+00:00" : String(format: "2026-11-02T%02d:%02d:00+00:00", minute / 60, minute % 60)
            periods.append(#"{"arc":null,"e":null,"q":"A","sp":"\#(end)","v":"0.\#(String(format: "%03d", 180 + index * 7))"}"#)
        }
        return #"""
            {"payload":{"CommonBlock":{"M0":{"GSPGroupID":"_H","MPANCore":"2000056535971","distributorDIPID":"2000000000"},\#
            "S0":{"eventCode":"[ActivePower]","interfaceID":"IF-021","schemaVersion":"011"},\#
            "S1":{"DIPConnectionProviderID":null,"environmentTag":"SIT","senderCorrelationID":null,"senderDIPID":"1401234567",\#
            "senderRoleID":"SDS","senderTimestamp":"2026-11-03T01:00:00+00:00","senderUniqueReference":"REFERENCE","subText":null}},\#
            "CustomBlock":{"B044":{"issuingDataServiceDIPID":"1401234567"},\#
            "B067":{"connectionTypeEffectiveFromDate":"2025-01-01T00:00:00+00:00","connectionTypeIndicator":"W"},\#
            "B900":{"MQID":{"measurementQuantityID":"AI"},"settlementDayConsumptionPeriods":[{"consumptionPeriods":[\#(periods.joined(separator: ","))],\#
            "settlementDay":{"periodDuration":30,"settlementDayDate":"2026-11-02T00:00:00+00:00"}}]}}}}
            """#
    }
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(30))

    // Accept + validate + route + persist, as `POST /dip-channel/IF-021` does minus the socket:
    // each iteration is 10 requests of 100 distinct IF-021 messages (1,000 messages), so
    // throughput × 1,000 is messages per second.
    Benchmark("Hub ingress: 1,000 IF-021 messages (10 requests of 100) on SQLite", configuration: .init(maxIterations: 20)) {
        (benchmark: Benchmark, hub: HubBench) in
        for _ in benchmark.scaledIterations { try await hub.submit(requests: 10) }
    } setup: {
        try await HubBench(perBatch: 100)
    }

    // Two clients at once, as the server sees them: 2 × 5 requests of 100 (1,000 messages).
    Benchmark("Hub ingress, 2 concurrent clients: 1,000 IF-021 messages", configuration: .init(maxIterations: 20)) {
        (benchmark: Benchmark, hub: HubBench) in
        for _ in benchmark.scaledIterations {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await hub.submit(requests: 5) }
                }
                try await group.waitForAll()
            }
        }
    } setup: {
        try await HubBench(perBatch: 100)
    }

    // The same without the register lookup (secondary recipients from M0 only): what the
    // per-message register read costs.
    Benchmark("Hub ingress without register routing: 1,000 IF-021 messages", configuration: .init(maxIterations: 20)) {
        (benchmark: Benchmark, hub: HubBench) in
        for _ in benchmark.scaledIterations { try await hub.submit(requests: 10) }
    } setup: {
        try await HubBench(perBatch: 100, routeByRegister: false)
    }

    // The store alone: 10 transactions of 100 routed messages, each queued for 4 recipients.
    Benchmark("Hub store accept: 1,000 messages (10 batches of 100) on SQLite", configuration: .init(maxIterations: 20)) {
        (benchmark: Benchmark, setup: (store: SQLiteHubStore, body: [UInt8], counter: HubBench)) in
        for _ in benchmark.scaledIterations {
            for _ in 0..<10 {
                let batch = setup.counter.cursor.withLock { value -> Int in
                    value += 1
                    return value
                }
                let messages = (0..<100).map { index in
                    IncomingMessage(
                        interfaceID: "IF-021", eventCode: "[ActivePower]", sender: setup.counter.caller.participant.dipID,
                        senderRole: .smartDataService, senderReference: "S-IF-021-1401234567-SDS-20261103-s\(batch)m\(index)",
                        correlationID: nil, mpan: try! MPAN("2000056535971"), body: setup.body,
                        recipients: ["5000000001", "5000000002", "3000000001", "2000000000"].map { try! DIPID($0) })
                }
                blackHole(try await setup.store.accept(messages, at: setup.counter.now))
            }
        }
    } setup: {
        let bench = try await HubBench(perBatch: 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhhs-hub-store-\(UUID().uuidString)")
        return (SQLiteHubStore(database: try SQLiteDatabase(dataDirectory: directory)), Array(HubBench.consumptionMessage().utf8), bench)
    }

    // The parts on their own, per 1,000 messages: parsing, schema validation, both.
    Benchmark("IF-021 parse (1,000 messages)") { (benchmark: Benchmark, message: [UInt8]) in
        for _ in benchmark.scaledIterations {
            for _ in 0..<1_000 { blackHole(try JSONParser.parse(message)) }
        }
    } setup: {
        Array(HubBench.consumptionMessage().replacingOccurrences(of: "REFERENCE", with: "S-IF-021-1401234567-SDS-20261103-1").utf8)
    }

    Benchmark("IF-021 schema validation (1,000 messages)") { (benchmark: Benchmark, message: JSONValue) in
        for _ in benchmark.scaledIterations {
            for _ in 0..<1_000 { blackHole(HubServer.specificationValidator(message)) }
        }
    } setup: {
        try JSONParser.parse(
            HubBench.consumptionMessage().replacingOccurrences(of: "REFERENCE", with: "S-IF-021-1401234567-SDS-20261103-1"))
    }

    Benchmark("IF-021 parse + schema validation (1,000 messages)") { (benchmark: Benchmark, message: [UInt8]) in
        for _ in benchmark.scaledIterations {
            for _ in 0..<1_000 {
                let value = try JSONParser.parse(message)
                blackHole(HubServer.specificationValidator(value))
            }
        }
    } setup: {
        Array(HubBench.consumptionMessage().replacingOccurrences(of: "REFERENCE", with: "S-IF-021-1401234567-SDS-20261103-1").utf8)
    }
}
