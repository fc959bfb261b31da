import ArgumentParser
import Foundation
import MHHSCore
import MHHSDataServices
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import MHHSStorage

/// `mhhs ds run|amend|ums-eac`: the smart, advanced and unmetered data services.
struct DataServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ds", abstract: "The data services: readings → validated, estimated SP consumption as IF-021.",
        subcommands: [DataServiceRunCommand.self, DataServiceAmendCommand.self, UMSEACCommand.self])
}

/// What every data service command shares: which service, its DIP id, where outputs go.
struct DataServiceOptions: ParsableArguments {
    @Option(help: "The data service: sds (smart), ads (advanced) or umsds (unmetered).")
    var service: String

    @Option(help: "The data service's DIP id (S1.senderDIPID and B044).")
    var dipId: String

    @Option(help: "When the service runs (default now): the register as known then.")
    var at: String?

    func validate() throws {
        guard DataServiceKind(rawValue: service) != nil else { throw ValidationError("--service must be sds, ads or umsds") }
        guard (try? DIPID(dipId)) != nil else { throw ValidationError("--dip-id must be 10 digits") }
        if let at { _ = try parseInstant(at) }
    }

    var kind: DataServiceKind { DataServiceKind(rawValue: service)! }
    func instant() throws -> UTCInstant { try at.map(parseInstant) ?? SystemClock.now }
}

extension SettlementStores {
    /// The register's view of each MPAN on a date as known at `instant`.
    func profiles(of mpans: some Sequence<MPAN>, on date: SettlementDate, asKnownAt instant: UTCInstant) async throws -> [MPAN:
        MeteringPointProfile]
    {
        var profiles: [MPAN: MeteringPointProfile] = [:]
        let wanted = Set(mpans).sorted()
        for (mpan, assertions) in zip(wanted, try await register.assertions(for: wanted)) {
            profiles[mpan] = MeteringPointProfile(mpan: mpan, assertions: assertions, on: date, asKnownAt: instant)
        }
        return profiles
    }

    /// The load shapes published by `instant` for the days `from`…`through` (each day's latest
    /// run at or before it), reaching back at most 400 days.
    func shapeLibrary(from: Int, through: Int, publishedBy instant: UTCInstant) async throws -> ShapeLibrary {
        var runs: [String: LoadShapeRun] = [:]
        let first = max(min(from, through), through - 400)
        for day in first...max(from, through) {
            if let run = try await shapes.latestRun(onOrBefore: UTCDay(dayNumber: day), publishedBy: instant) { runs[run.id] = run }
        }
        return ShapeLibrary(runs: Array(runs.values))
    }

    /// Distributors' DIP ids from the hub's participant registry.
    func distributorDIPIDs() async throws -> [MPID: String] {
        var ids: [MPID: String] = [:]
        for entry in try await hub.hubParticipants() where entry.participant.role == .distributor {
            ids[entry.participant.mpid] = entry.participant.dipID.value
        }
        return ids
    }
}

struct DataServiceRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Turn a UTC day's readings (sds/ads: readings CSV; umsds: UMS inventory CSV) into IF-021s, one per MPAN × MQ.")

    @Option(help: "The UTC day, YYYY-MM-DD.")
    var date: String

    @Option(help: "sds/ads: mpan,mq,kind,at,kwh (kind interval or register); umsds: mpan,charge_code,quantity,switch_regime.")
    var input: String

    @Option(help: "Write the IF-021 messages (a JSON array) here.")
    var out: String?

    @Option(help: "Write what validation found (CSV) here.")
    var findings: String?

    @OptionGroup var options: DataServiceOptions
    @OptionGroup var publish: PublishOptions
    @OptionGroup var store: StoreOptions

    func validate() throws { _ = try SettlementDate(date) }

    func run() async throws {
        let date = try SettlementDate(date)
        let day = UTCDay(sameCalendarDateAs: date)
        let instant = try options.instant()
        let kind = options.kind
        let text = try String(contentsOfFile: input, encoding: .utf8)
        let output = try await store.withSettlementStores { stores -> DataServiceRun.Output in
            let distributors = try await stores.distributorDIPIDs()
            let service = DataServiceRun(
                service: kind, estimator: SeriesEstimator(service: kind, shapes: ShapeLibrary(runs: [])), dipID: options.dipId,
                distributorDIPID: { distributors[$0] })
            if kind == .unmetered {
                let inventory = try UMSInventory(csv: text)
                let profiles = try await stores.profiles(of: inventory.mpans, on: date, asKnownAt: instant)
                return UMSDataService(run: service).run(day: day, inventory: inventory, profiles: profiles, at: instant)
            }
            let readings = try MeterReadings(csv: text)
            // Shapes from the day before the earliest read (an advance's span) to the day after.
            let earliest = (readings.registers.map(\.at) + readings.intervals.map(\.end)).map { $0.utcDayNumber }.min() ?? day.dayNumber
            var configured = service
            configured.estimator = SeriesEstimator(
                service: kind,
                shapes: try await stores.shapeLibrary(
                    from: min(earliest, day.dayNumber) - 1, through: day.dayNumber + 1, publishedBy: instant))
            let profiles = try await stores.profiles(
                of: readings.intervals.map(\.mpan) + readings.registers.map(\.mpan), on: date, asKnownAt: instant)
            return configured.run(day: day, readings: readings, profiles: profiles, at: instant)
        }
        var methods: [String: Int] = [:]
        for submission in output.submissions {
            for period in submission.days.flatMap(\.periods) { methods[period.quality.description, default: 0] += 1 }
        }
        print("\(output.submissions.count) IF-021 message(s) for \(day); \(output.findings.count) finding(s)")
        print("periods by quality: " + methods.keys.sorted().map { "\($0) \(methods[$0]!)" }.joined(separator: ", "))
        let messages = output.submissions.map { IF021Message.build($0, at: instant) }
        if let out {
            try Data(JSONWriter.bytes(.array(messages))).write(to: URL(fileURLWithPath: out))
            print("wrote \(out)")
        }
        if let findings {
            let lines = [Finding.csvHeader] + output.findings.map(\.description)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: findings))
            print("wrote \(findings)")
        }
        if let accepted = try await publish.publish(messages, channel: "IF-021") { print("published \(accepted) IF-021 through the hub") }
    }
}

struct DataServiceAmendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Answer suppliers' consumption amendments (IF-027): an IF-028 each, and the corrected data as new IF-021s.")

    @Option(help: "A JSON file of IF-027 messages (an array, or one).")
    var input: String

    @Option(help: "Write the IF-028 responses (a JSON array) here.")
    var responses: String?

    @Option(help: "Write the resubmitted IF-021s (a JSON array) here.")
    var out: String?

    @OptionGroup var options: DataServiceOptions
    @OptionGroup var publish: PublishOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        var value = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: input))))
        if case .object = value { value = .array([value]) }
        guard case .array(let messages) = value else { throw ValidationError("\(input) holds no IF-027 message") }
        let instant = try options.instant()
        let kind = options.kind
        var responses: [JSONValue] = []
        var resubmitted: [JSONValue] = []
        try await store.withSettlementStores { stores in
            let distributors = try await stores.distributorDIPIDs()
            for (index, message) in messages.enumerated() {
                let request: AmendmentRequest
                do { request = try AmendmentRequest(message: message) } catch {
                    print("message \(index + 1): refused: \(error)")
                    continue
                }
                let instants = request.amendments.flatMap { [$0.start, $0.end] }
                let first = instants.min()!
                let last = instants.max()!
                let date = SettlementDate(dayNumber: last.adding(seconds: -1).utcDayNumber)
                let profiles = try await stores.profiles(of: [request.mpan], on: date, asKnownAt: instant)
                let service = DataServiceRun(
                    service: kind,
                    estimator: SeriesEstimator(
                        service: kind,
                        shapes: try await stores.shapeLibrary(
                            from: first.utcDayNumber - 1, through: last.utcDayNumber, publishedBy: instant)),
                    dipID: options.dipId, distributorDIPID: { distributors[$0] })
                let outcome = AmendmentProcessor(run: service).process(
                    request, profile: profiles[request.mpan], message: message, at: instant)
                print(
                    "\(request.senderUniqueReference): \(outcome.accepted ? "accepted" : "rejected"): \(outcome.messages.joined(separator: "; "))"
                )
                responses.append(outcome.response)
                resubmitted += outcome.submissions.map { IF021Message.build($0, at: instant) }
            }
        }
        if let path = self.responses { try Data(JSONWriter.bytes(.array(responses))).write(to: URL(fileURLWithPath: path)) }
        if let out { try Data(JSONWriter.bytes(.array(resubmitted))).write(to: URL(fileURLWithPath: out)) }
        if let accepted = try await publish.publish(responses, channel: "IF-028") { print("published \(accepted) IF-028 through the hub") }
        if let accepted = try await publish.publish(resubmitted, channel: "IF-021") {
            print("published \(accepted) IF-021 through the hub")
        }
    }
}

struct UMSEACCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ums-eac",
        abstract: "The legacy NHH UMS EAC of each MPAN's inventory: Σ quantity × watts × annual burning hours (CSV).")

    @Option(help: "The UMS inventory CSV: mpan,charge_code,quantity,switch_regime.")
    var input: String

    @Option(help: "The calendar year whose burning hours count.")
    var year: Int

    func run() async throws {
        let inventory = try UMSInventory(csv: try String(contentsOfFile: input, encoding: .utf8))
        print("mpan,gsp_group,eac_kwh")
        for mpan in inventory.mpans {
            // The MPAN's distributor fixes its GSP group, so the legacy figure needs no register.
            guard let group = mpan.distributor.gspGroup else {
                throw ValidationError("MPAN \(mpan): distributor \(mpan.distributor) has no GSP group")
            }
            let meter = try EquivalentMeter(items: inventory.items(for: mpan), gspGroup: group)
            let eac = try BurningHours.estimatedAnnualConsumption(of: meter, year: year)
            print("\(mpan),\(group.rawValue),\(DecimalText.format(eac.wattHours, fractionDigits: 3))")
        }
    }
}
