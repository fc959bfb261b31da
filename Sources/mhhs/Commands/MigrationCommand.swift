import ArgumentParser
import Foundation
import MHHSCore
import MHHSHub
import MHHSLegacy
import MHHSMessages
import MHHSMigration
import MHHSRegistration
import MHHSStorage

/// `mhhs migration …`: waves of legacy MPANs migrated to MHHS, their parity checks, the
/// transition's progress and the legacy run-off.
struct MigrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migration", abstract: "Migrate legacy MPANs to MHHS in waves, check parity, follow progress and run-off.",
        subcommands: [
            MigrationPlanCommand.self, MigrationRunCommand.self, MigrationStatusCommand.self, MigrationParityCommand.self,
            MigrationRunOffCommand.self, MigrationReverseCommand.self,
        ])
}

/// The instant a migration command acts at: `--at`, else now.
struct MigrationClockOptions: ParsableArguments {
    @Option(help: "Act as at this time (YYYY-MM-DD or a DIP date-time; default now).")
    var at: String?

    func instant() throws -> UTCInstant { try at.map(parseInstant) ?? SystemClock.now }
}

extension SettlementStores {
    /// The Registration Service on these stores, deciding at `instant`.
    func registrationService(at instant: UTCInstant, environment: String = "SIT") async throws -> RegistrationService {
        let participants = try await hub.hubParticipants().map(\.participant)
        guard let regs = participants.first(where: { $0.role == .registrationService }),
            let mds = participants.first(where: { $0.role == .marketwideDataService })
        else { throw NotFound("register the REGS and MDS participants first (mhhs participants add --role REGS|MDS …)") }
        return RegistrationService(
            repository: register, registrationService: regs.dipID, marketwideDataService: mds.dipID,
            directory: StaticParticipantDirectory(participants), environmentTag: environment, clock: { instant })
    }

    func migrationService(at instant: UTCInstant) async throws -> MigrationService {
        MigrationService(register: register, migrations: migrations, registration: try await registrationService(at: instant))
    }

    /// A day's migration run under the store's `migration` lock: with several instances (or
    /// commands) on one store, a second run while one is under way is refused, not repeated.
    func runMigration(date: SettlementDate, at instant: UTCInstant, actAsProviders: Bool) async throws -> MigrationService.RunReport {
        try await locks.withLock("migration") {
            try await migrationService(at: instant).run(date: date, at: instant, actAsProviders: actAsProviders)
        }
    }
}

struct MigrationPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a wave: select legacy MPANs and give each a migration date under per-LDSO daily thresholds.",
        discussion: """
            Points are selected from the register on --start as known now (--at): legacy NHH or HH points with a \
            supplier, LDSO and market segment, matching every criterion given and in no other active wave. \
            Each LDSO's points, in MPAN order, fill its daily threshold (less what earlier waves booked) a day at a time.
            """)

    @Option(help: "The wave's name (unique).")
    var wave: String
    @Option(help: "The first migration date, YYYY-MM-DD.")
    var start: String
    @Option(help: "Market segment to take (S, A, U); repeat for several.")
    var segment: [String] = []
    @Option(help: "LDSO MPID to take; repeat for several.")
    var ldso: [String] = []
    @Option(help: "Supplier MPID to take; repeat for several.")
    var supplier: [String] = []
    @Option(help: "GSP group to take (_A …); repeat for several.")
    var group: [String] = []
    @Option(help: "Smallest annual consumption to take, kWh.")
    var minKwh: Int64?
    @Option(help: "Largest annual consumption to take, kWh.")
    var maxKwh: Int64?
    @Option(help: "At most this many MPANs.")
    var limit: Int?
    @Option(help: "Daily migrations per LDSO when not set by --threshold. [A]")
    var dailyThreshold: Int = 1_000
    @Option(help: "An LDSO's own daily threshold, LDSO=N; repeat for several.")
    var threshold: [String] = []
    @Flag(help: "Migrate on working days only.")
    var workingDaysOnly = false
    @Option(help: "The MHHS provider to appoint per role, ROLE=MPID (SDS, MSS, ADS, MSA, UMSDS, UMSO); repeat for several.")
    var provider: [String] = []
    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        var thresholds: [MPID: Int] = [:]
        for entry in threshold {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let count = Int(parts[1]) else { throw ValidationError("--threshold takes LDSO=N, not \(entry)") }
            thresholds[try MPID(String(parts[0]))] = count
        }
        var providers: [AppointmentRole: MPID] = [:]
        for entry in provider {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let role = AppointmentRole(rawValue: String(parts[0])) else {
                throw ValidationError("--provider takes ROLE=MPID with ROLE one of SDS, MSS, ADS, MSA, UMSDS, UMSO, not \(entry)")
            }
            providers[role] = try MPID(String(parts[1]))
        }
        let selection = WaveSelection(
            segments: segment.isEmpty ? nil : try segment.map { try MarketSegment(code: $0) },
            distributors: ldso.isEmpty ? nil : try ldso.map { try MPID($0) },
            suppliers: supplier.isEmpty ? nil : try supplier.map { try MPID($0) },
            groups: group.isEmpty ? nil : try group.map { try GSPGroup(code: $0) }, minimumAnnualWh: minKwh.map { $0 * 1_000 },
            maximumAnnualWh: maxKwh.map { $0 * 1_000 }, limit: limit)
        let wave = MigrationWave(
            id: wave, createdAt: now, selection: selection,
            schedule: WaveSchedule(
                start: try SettlementDate(start), defaultDailyThreshold: dailyThreshold, thresholds: thresholds,
                workingDaysOnly: workingDaysOnly), providers: providers)
        let items = try await store.withSettlementStores { stores in try await stores.migrationService(at: now).plan(wave) }
        print("wave \(wave.id): \(items.count) MPANs planned")
        for (date, count) in Dictionary(grouping: items, by: \.plannedDate).mapValues(\.count).sorted(by: { $0.key < $1.key }) {
            print("  \(date): \(count)")
        }
    }
}

struct MigrationRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "The day's migration work: appointments for the points due, then what the register shows.",
        discussion: """
            Every planned point due on or before --date gets its supplier's MCA appointments (IF-031) of the wave's MHHS \
            data and metering services, effective on its planned date. With --act-as-providers the providers accept them \
            (IF-034), as in a test or demo market. Points are then marked migrated once the register settles them under \
            MHHS, or failed when their appointments were refused. A segment with no legacy point left is closed.
            """)

    @Option(help: "The migration date, YYYY-MM-DD.")
    var date: String
    @Flag(help: "Answer the appointments as the wave's providers (a simulated market).")
    var actAsProviders = false
    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        let report = try await store.withSettlementStores { stores in
            try await stores.runMigration(date: try SettlementDate(date), at: now, actAsProviders: actAsProviders)
        }
        print(
            "requested \(report.requested.count), migrated \(report.migrated.count), failed \(report.failed.count), waiting \(report.waiting.count)"
        )
        for item in report.failed { print("  failed \(item.mpan) (\(item.wave)): \(item.detail)") }
        for closure in report.closures { print("segment \(closure.segment) closed: last legacy settlement date \(closure.lastLegacyDate)") }
    }
}

struct MigrationStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Progress: waves by status, and points and energy share per arrangement, segment and LDSO.")

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String
    @Option(help: "Last date (default: --from).")
    var to: String?
    @Option(help: "Days between dates reported.")
    var step: Int = 1
    @Option(help: "Write progress.csv (date,arrangement,segment,ldso,points,annual_wh) into this folder.")
    var out: String?
    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        let first = try SettlementDate(from)
        let last = try to.map { try SettlementDate($0) } ?? first
        guard step > 0, last >= first else { throw ValidationError("--to must not be before --from, and --step must be positive") }
        let dates = Array(stride(from: first, through: last, by: step))
        let (progress, items, waves) = try await store.withSettlementStores { stores in
            (
                try await MigrationProgress.build(dates: dates, at: now, register: stores.register),
                try await stores.migrations.items(wave: nil), try await stores.migrations.waves()
            )
        }
        for wave in waves {
            let mine = items.filter { $0.wave == wave.id }
            let counts = MigrationStatus.allCases.map { status in "\(status.rawValue) \(mine.filter { $0.status == status }.count)" }
            let dates = mine.map(\.plannedDate)
            print(
                "wave \(wave.id): \(mine.count) MPANs \(dates.min().map { "\($0)…\(dates.max()!)" } ?? ""): \(counts.joined(separator: ", "))"
            )
        }
        for row in progress.summary() {
            print("\(row.date) \(row.arrangement.rawValue): \(row.points) MPANs, \(Double(row.energyPerMille) / 10)% of annual energy")
        }
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try progress.csv.write(toFile: "\(out)/progress.csv", atomically: true, encoding: .utf8)
        }
    }
}

struct MigrationParityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parity", abstract: "A wave's legacy-computed vs MHHS volumes per GSP group × SP, and the largest deviations.")

    @Option(help: "The wave.")
    var wave: String
    @Option(help: "The settlement date, YYYY-MM-DD.")
    var date: String
    @Option(help: "How many of the largest point deviations to print.")
    var top: Int = 10
    @Option(help: "Write parity.csv and points.csv into this folder.")
    var out: String?
    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        let report = try await store.withSettlementStores { stores in
            try await ParityReport.build(
                wave: wave, date: try SettlementDate(date), at: now, register: stores.register, migrations: stores.migrations,
                spData: stores.spData, shapes: stores.shapes, coefficients: SyntheticProfileCoefficients())
        }
        let withData = report.points.filter { $0.periodsFromData > 0 }.count
        let withShape = report.points.filter { $0.periodsFromShape > 0 }.count
        print(
            "wave \(report.wave) on \(report.date): \(report.points.count) MPANs (\(withData) with SP data, \(withShape) defaulted from load shapes); legacy \(report.legacyWh) Wh, MHHS \(report.mhhsWh) Wh, deviation \(report.mhhsWh - report.legacyWh) Wh"
        )
        if withData + withShape == 0 {
            print("nothing to compare: MDS holds no SP data and the LSS no load shape for these points on \(report.date)")
        }
        for point in report.points.prefix(top) where point.periodsFromData + point.periodsFromShape > 0 {
            print(
                "  \(point.mpan) \(point.gspGroup.rawValue): legacy \(point.legacyWh) Wh, MHHS \(point.mhhsWh) Wh, deviation \(point.deviationWh) Wh"
            )
        }
        if !report.unprofiled.isEmpty {
            print("not profiled (no profile class): \(report.unprofiled.map(\.description).joined(separator: " "))")
        }
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try report.rowsCSV.write(toFile: "\(out)/parity.csv", atomically: true, encoding: .utf8)
            try report.pointsCSV.write(toFile: "\(out)/points.csv", atomically: true, encoding: .utf8)
        }
    }
}

struct MigrationRunOffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runoff-status",
        abstract: "Per segment: legacy points left, the last legacy settlement date, its reruns and switch-off.")

    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        let report = try await store.withSettlementStores { stores in
            try await RunOffReport.build(register: stores.register, migrations: stores.migrations, at: now)
        }
        let today = LocalSettlementPeriod(containing: now).date
        for segment in report.segments where segment.openLegacyPoints > 0 || segment.lastLegacyDate != nil || !segment.waveStatus.isEmpty {
            var line = "segment \(segment.segment): \(segment.openLegacyPoints) legacy MPANs open on \(report.horizon)"
            if let closure = segment.closure {
                line +=
                    "; legacy path closed for settlement dates after \(closure.lastLegacyDate) (recorded \(DIPDateTime(closure.closedAt).text))"
            } else if segment.closableAfter != nil {
                line += "; closable"
            }
            print(line)
            if let last = segment.lastDateNeedingLegacyReruns {
                print("  last settlement date needing legacy reruns: \(last)")
                for run in segment.finalReruns {
                    print(
                        "    \(run.run.rawValue) due \(run.dueDate) (\(run.runSet.rawValue) timetable)\(run.dueDate < today ? ", due date passed" : "")"
                    )
                }
                if let final = segment.finalLegacyRun {
                    print("  legacy path needed until \(final.dueDate) (\(final.run.rawValue) of \(final.settlementDate))")
                }
            }
        }
        if let switchOff = report.switchOffDate {
            print("legacy processing can be switched off from \(switchOff)")
        } else {
            print("legacy processing is still needed: not every segment has run off")
        }
    }
}

struct MigrationReverseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse", abstract: "Reverse migration: take an MHHS MPAN back to a legacy arrangement from a date (IF-003).")

    @Option(help: "The MPAN core.")
    var mpan: String
    @Option(help: "The first date on the legacy arrangement, YYYY-MM-DD.")
    var date: String
    @Option(help: "legacy-nhh or legacy-hh.")
    var arrangement: String = "legacy-nhh"
    @Option(help: "The CSS registration id of the change of supplier behind it.")
    var cssRegistrationId: String
    @OptionGroup var clock: MigrationClockOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let now = try clock.instant()
        let mpan = try MPAN(mpan)
        let arrangement = try SettlementArrangement(code: arrangement)
        try await store.withSettlementStores { stores in
            try await stores.locks.withLock("migration") {
                try await stores.migrationService(at: now).reverse(
                    mpan, from: try SettlementDate(date), to: arrangement, cssRegistrationID: cssRegistrationId, at: now)
            }
        }
        print("\(mpan) is \(arrangement.rawValue) from \(date)")
    }
}
