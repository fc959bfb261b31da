import ArgumentParser
import Foundation
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import MHHSSimulator
import MHHSStandingData
import MHHSStorage

/// `mhhs demo`: the whole transition on a synthetic GB market (MarketDemo), with its reports,
/// DIP messages and a static dashboard written to `--out`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run a synthetic GB market through the whole transition, day by day, and write its reports.",
        discussion: """
            Registers --mpans synthetic MPANs in the legacy arrangements, plans migration waves per segment under \
            per-LDSO daily thresholds, then for each of --days settlement dates: migrates that day's points through \
            the Registration Service's MCA appointments (answering as the providers), checks the data services' \
            data in MDS, stores legacy HH data, records the takes, runs the LSS and settles the date (SF) with \
            legacy and MHHS side by side. Then late data and an R1 for earlier dates, and the run-off. Each run \
            is checked (Σ corrected = take; every MPAN settled once). --out receives the store (data/), \
            dashboard.html, reports/ and dip/ (messages that pass dip-validate); `mhhs serve --data-dir OUT/data` \
            or any other command explores it.
            """)

    @Option(help: "How many MPANs (30400000 is full GB scale).")
    var mpans: Int = 100_000

    @Option(help: "How many settlement days.")
    var days: Int = 14

    @Option(help: "The generator's seed (the same seed and size give the same market).")
    var seed: UInt64 = 1

    @Option(help: "The first settlement date.")
    var start: String = "2026-11-02"

    @Option(help: "Where to write the store, reports and dashboard (replaced if it holds an earlier demo).")
    var out: String = "./mhhs-demo"

    @Option(
        help:
            "Market Domain Data CSVs to draw suppliers and agents from (default: \(Self.defaultMDD), relative to the current folder, when present; 'none' for synthetic MPIDs)."
    )
    var mdd: String?

    static let defaultMDD = "../shared/reference/mdd-377"

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
        guard mpans >= 100 else { throw ValidationError("--mpans must be at least 100") }
        guard (4...60).contains(days) else { throw ValidationError("--days must be 4 to 60") }
        _ = try SettlementDate(start)
    }

    func run() async throws {
        // The participants first: a bad --mdd stops the demo before an earlier one is replaced.
        let startDate = try SettlementDate(start)
        let (marketData, marketParticipants, note) = try participants(startingOn: startDate)
        if let note { print(note) }
        let folder = URL(fileURLWithPath: out)
        let marker = folder.appendingPathComponent(".mhhs-demo")
        // Replaces an earlier demo's own files, and nothing else.
        let own: Set<String> = [".mhhs-demo", "data", "dashboard.html", "summary.txt", "reports", "dip"]
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ValidationError("\(out) is a file: choose a folder for --out") }
            let contents = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            guard contents.isEmpty || (contents.contains(".mhhs-demo") && contents.isSubset(of: own)) else {
                throw ValidationError("\(out) holds other files than an earlier demo's: choose another --out")
            }
            for entry in contents { try FileManager.default.removeItem(at: folder.appendingPathComponent(entry)) }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: marker)
        let dataFolder = folder.appendingPathComponent("data")
        let database = try SQLiteDatabase(dataDirectory: dataFolder)
        let standingData = SQLiteStandingDataRepository(database: database)
        let settlement = SQLiteSettlementStore(database: database)
        let hub = SQLiteHubStore(database: database)
        if let marketData { try standingData.replaceMarketDomainData(marketData) }
        // The participants, without API keys (issue them with `mhhs participants add` to use the hub).
        for (participant, role, id) in DemoParticipants(marketParticipants).all {
            try await hub.save(HubParticipant(participant: Participant(dipID: id, mpid: participant, role: role)))
        }
        let stores = MarketDemo.Stores(
            register: SQLiteRegisterRepository(database: database),
            spData: try FileSPDataStore(database: database, dataDirectory: dataFolder),
            takes: settlement, runs: settlement, shapes: SQLiteLoadShapeStore(database: database),
            migrations: SQLiteMigrationStore(database: database)
        ) { distributor, llfClass, date in
            try standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
        let demo = MarketDemo(
            configuration: .init(meteringPoints: mpans, days: days, seed: seed, start: startDate, participants: marketParticipants),
            stores: stores)
        let progress = DemoProgress()
        let started = ContinuousClock.now
        let summary = try await demo.run { step, done, total in progress.update(step, done: done, total: total) }
        progress.finish()
        let elapsed = ContinuousClock.now - started

        let written = try await writeOutputs(summary, stores: stores, folder: folder)
        let text = Self.summaryText(summary, elapsed: elapsed, written: written, data: dataFolder.path)
        print(text, terminator: "")
        try text.write(to: folder.appendingPathComponent("summary.txt"), atomically: true, encoding: .utf8)
        let failed = summary.days.filter { !$0.check.passed }.count + summary.reconciliations.filter { !$0.check.passed }.count
        if failed > 0 || !summary.migrationComplete { throw ExitCode(1) }
    }

    /// The market's participants: drawn from the MDD named by `--mdd` (an error when it cannot
    /// supply them), or from the default folder when it is there (synthetic MPIDs, with a note,
    /// when it cannot), else synthetic. Drawn among those holding their roles from the legacy
    /// registration date (30 days before the start) to the start.
    func participants(startingOn start: SettlementDate) throws -> (MarketDomainData?, MarketParticipants, String?) {
        let dates = [start.adding(days: -30), start]
        switch mdd {
        case "none": return (nil, .synthetic, nil)
        case let folder?:
            let data = try MarketDomainDataImporter.load(directory: URL(fileURLWithPath: folder))
            return (data, try MarketParticipants.drawn(from: data, holdingRolesOn: dates, seed: seed), nil)
        case nil:
            guard FileManager.default.fileExists(atPath: Self.defaultMDD) else { return (nil, .synthetic, nil) }
            let data = try MarketDomainDataImporter.load(directory: URL(fileURLWithPath: Self.defaultMDD))
            do {
                return (data, try MarketParticipants.drawn(from: data, holdingRolesOn: dates, seed: seed), nil)
            } catch {
                return (nil, .synthetic, "note: \(error.description); using synthetic MPIDs")
            }
        }
    }

    /// The last day's SF reports, the last LSS run's IF-022/IF-023, a sample of the Registration
    /// Service's outbox, and the dashboard.
    func writeOutputs(_ summary: MarketDemo.Summary, stores: MarketDemo.Stores, folder: URL) async throws -> [String] {
        let reports = folder.appendingPathComponent("reports")
        let dip = folder.appendingPathComponent("dip")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dip, withIntermediateDirectories: true)
        var written: [String] = []
        if let last = summary.days.last?.initialSettlement {
            var files: [String: [UInt8]] = [:]
            for name in last.results.keys { files[name] = try await stores.runs.file(named: name, ofRun: last.id) }
            let results = try RunResults(manifest: last, files: files)
            for kind in [ECSReport.rep003, .rep002] {
                let json = reports.appendingPathComponent("\(kind.rawValue)-\(last.settlementDate).json")
                try Data(try ReportMessages.render(kind, results, sender: ReportSender.standard, at: last.runAt)).write(to: json)
                try Data(ReportCSV.render(kind, results)).write(
                    to: reports.appendingPathComponent("\(kind.rawValue)-\(last.settlementDate).csv"))
                written.append(json.path)
            }
        }
        if let shapes = summary.lastShapes {
            for (name, message) in [
                ("IF-022", LoadShapeMessages.if022(shapes, at: shapes.runAt)),
                ("IF-023", LoadShapeMessages.if023(shapes, at: shapes.runAt)),
            ] {
                let file = dip.appendingPathComponent("\(name).json")
                try Data(JSONWriter.bytes(.array([message]))).write(to: file)
                written.append(file.path)
            }
        }
        // Up to ten of each interface the Registration Service sent (IF-032 to IF-037).
        var outbox: [DIPMessage] = []
        var perInterface: [String: Int] = [:]
        var position: Int64 = 0
        let wanted = ["IF-032", "IF-033", "IF-035", "IF-036", "IF-037"]
        while !wanted.allSatisfy({ perInterface[$0, default: 0] >= 10 }) {
            let page = try await stores.register.outbox(after: position, limit: 2_000)
            guard let last = page.last else { break }
            position = last.sequence
            for entry in page where perInterface[entry.message.interfaceID, default: 0] < 10 {
                perInterface[entry.message.interfaceID, default: 0] += 1
                outbox.append(entry.message.message)
            }
        }
        if !outbox.isEmpty {
            let file = dip.appendingPathComponent("registration-sample.json")
            try DIPMessage.jsonArray(outbox).write(to: file)
            written.append(file.path)
        }
        let dashboard = folder.appendingPathComponent("dashboard.html")
        try DemoDashboard.html(summary).write(to: dashboard, atomically: true, encoding: .utf8)
        written.append(dashboard.path)
        return written
    }

    static func summaryText(_ summary: MarketDemo.Summary, elapsed: Duration, written: [String], data: String) -> String {
        var text =
            "\nOpenMHHS demo: \(summary.configuration.meteringPoints) MPANs, \(summary.days.count) days from \(summary.configuration.start)\n"
        let participants = summary.configuration.participants
        text +=
            "participants: \(participants.source); largest suppliers \(participants.suppliers.prefix(3).map(\.value).joined(separator: ", "))"
        text +=
            "; migrating to \(participants.providers.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))\n\n"
        text += "date        legacy-nhh legacy-hh      mhhs  mhhs%  migrated  SF checks\n"
        for day in summary.days {
            let total = max(1, day.arrangements.values.reduce(0, +))
            let mhhs = day.arrangements[.mhhs, default: 0]
            text += "\(day.date)  \(pad(day.arrangements[.legacyNHH, default: 0], 9)) \(pad(day.arrangements[.legacyHH, default: 0], 9)) "
            text += "\(pad(mhhs, 9)) \(pad(mhhs * 100 / total, 5))%  \(pad(day.migratedByRun, 8))  \(checkText(day.check))\n"
        }
        for (run, check, changed) in summary.reconciliations {
            text += "\(run.id): \(changed) result cells changed by late data; \(checkText(check))\n"
        }
        for segment in summary.runOff.segments where segment.lastLegacyDate != nil {
            text += "segment \(segment.segment): \(segment.openLegacyPoints) legacy MPANs open; last legacy settlement date "
            text += "\(segment.lastDateNeedingLegacyReruns.map(\.description) ?? "open")"
            if let final = segment.finalLegacyRun { text += ", legacy reruns until \(final.dueDate) (\(final.run.rawValue))" }
            text += "\n"
        }
        text +=
            summary.migrationComplete
            ? "migration complete: every MPAN settled under MHHS on the last date\n" : "FAILED: the migration did not complete\n"
        text +=
            "legacy processing can be switched off from \(summary.runOff.switchOffDate.map(\.description) ?? "— (not every segment has run off)")\n"
        let seconds = elapsed.seconds
        text += "\nfinished in \(Int(seconds)) s ("
        text += summary.timings.map { "\($0.phase) \(Int($0.seconds.rounded())) s" }.joined(separator: ", ") + "); store: \(data)\n"
        for path in written { text += "  \(path)\n" }
        text += "explore: mhhs serve --data-dir \(data)   or   mhhs runs list --data-dir \(data)\n"
        return text
    }

    static func checkText(_ check: MarketDemo.RunCheck) -> String {
        (check.passed ? "ok" : "FAILED") + " (Σ corrected = take in \(check.cells - check.unbalancedCells - check.uncorrectableCells)/"
            + "\(check.cells) cells\(check.uncorrectableCells > 0 ? ", \(check.uncorrectableCells) with nothing to correct" : ""), "
            + "\(check.settled)/\(check.registered) MPANs settled once)"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// The demo's progress bars, one per step, from whichever task reports.
final class DemoProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var bar: ProgressBar?
    private var step = ""
    private var started = ContinuousClock.now

    func update(_ step: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if step != self.step {
            finishStep()
            bar = ProgressBar(label: step)
            self.step = step
            started = ContinuousClock.now
        }
        bar?.update(done: Int64(done), total: Int64(total))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        finishStep()
        bar = nil
    }

    private func finishStep() {
        let elapsed = (ContinuousClock.now - started).components
        bar?.finish("done in \(elapsed.seconds).\(elapsed.attoseconds / 100_000_000_000_000_000) s")
    }
}
