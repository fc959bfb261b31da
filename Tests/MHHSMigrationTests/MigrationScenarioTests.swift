import Foundation
import MHHSCore
import MHHSLegacy
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import Testing

/// Issue 7's acceptance scenario, on SQLite and PostgreSQL, with `Fixtures/half-group`: one GSP
/// group (`_H`, LDSO SOUT) of four legacy NHH points of SUPA (L1 …051 3,650 kWh, L2 …060 7,300,
/// L3 …070 5,475, L4 …089 1,825; PC 1, SSC 0393) and two MHHS points of SUPB (…098, …103,
/// 0.200 kWh a half hour). The take is 1 kWh every half hour.
///
/// - Wave W1 (planned 10 Nov): the three smallest legacy MPANs from 16 Nov, at most two a day
///   for SOUT: L1 and L2 on the 16th, L3 on the 17th; their SUPA appoints DSAA and MSAA (MCA)
///   and the providers accept (13 Nov). From their dates they report 0.300 kWh a half hour.
/// - L1 goes back to legacy NHH from 19 Nov (recorded 24 Nov).
/// - Wave W2 (24 Nov): every legacy point left (L1, L4) from 20 Nov; then segment S has run off.
@Suite("Transition: migration in waves, parity, reverse migration and run-off")
struct MigrationScenarioTests {
    typealias W = MigrationWorld
    static let l1 = try! MPAN("2000000000051")
    static let l2 = try! MPAN("2000000000060")
    static let l3 = try! MPAN("2000000000070")
    static let l4 = try! MPAN("2000000000089")
    static let providers: [AppointmentRole: MPID] = [.smartDataService: try! MPID("DSAA"), .smartMeteringService: try! MPID("MSAA")]

    static func wave(_ id: String, start: String, createdAt: String, limit: Int? = nil) -> MigrationWave {
        MigrationWave(
            id: id, createdAt: W.instant(createdAt), selection: WaveSelection(segments: [.smart], groups: [.southern], limit: limit),
            schedule: WaveSchedule(start: W.date(start), defaultDailyThreshold: 5, thresholds: [try! MPID("SOUT"): 2]),
            providers: providers)
    }

    @Test(arguments: MigrationWorld.Backend.allCases)
    func halfTheGroupMigratesMidMonth(_ backend: MigrationWorld.Backend) async throws {
        try await MigrationWorld.with(backend) { world in
            try await world.registrations("registrations.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.takes(recordedAt: "2026-11-12T00:00:00+00:00")

            // Plan: the thresholds give L1, L2 the 16th and L3 the 17th.
            let planned = try await world.migration(at: "2026-11-10T09:00:00+00:00").plan(
                Self.wave("W1", start: "2026-11-16", createdAt: "2026-11-10T09:00:00+00:00", limit: 3))
            #expect(planned.map(\.mpan) == [Self.l1, Self.l2, Self.l3])
            #expect(planned.map(\.plannedDate) == [W.date("2026-11-16"), W.date("2026-11-16"), W.date("2026-11-17")])
            await #expect(throws: MigrationError.duplicateWave("W1")) {
                _ = try await world.migration(at: "2026-11-10T10:00:00+00:00").plan(
                    Self.wave("W1", start: "2026-11-16", createdAt: "2026-11-10T10:00:00+00:00"))
            }

            // Before the migration is recorded, an II run of the 15th settles the four on their profiles.
            let early = try await world.settle("2026-11-15", .interimInformation, at: "2026-11-12T12:00:00+00:00")
            try W.checkBalanced(early, points: 6)

            // The run on the 13th asks for the appointments and, acting as the providers, accepts them.
            let report = try await world.migration(at: "2026-11-13T09:00:00+00:00").run(
                date: W.date("2026-11-17"), at: W.instant("2026-11-13T09:00:00+00:00"), actAsProviders: true)
            #expect(
                report.requested.count == 3 && report.migrated.count == 3 && report.failed.isEmpty,
                "\(report.failed.map(\.detail)) \(report.waiting.map(\.detail))")
            #expect(report.closures.isEmpty, "L4 is still legacy")
            let l3 = try await world.register.state(
                of: Self.l3, on: W.date("2026-11-16"), asKnownAt: W.instant("2026-11-13T10:00:00+00:00"))
            #expect(l3?.arrangement == .legacyNHH, "L3 migrates on the 17th, not the 16th")
            #expect(try await world.consumption().isEmpty, "MDS accepts the migrated points' data from their dates")

            // Every day before, during and after sums to the take with each MPAN counted once.
            var settled: [String: StoredSettlementRun] = [:]
            for day in ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18"] {
                settled[day] = try await world.settle(day, .initialSettlement, at: "2026-11-23T12:00:00+00:00")
                try W.checkBalanced(settled[day]!, points: 6)
            }
            // The 16th: L1 and L2 on their data (111 with the MHHS points' 400), L3 and L4 profiled (182).
            var volumes = try W.uncorrected(settled["2026-11-16"]!)
            #expect(volumes["111|1"] == 1_000)
            #expect(
                volumes["182|1"] == (try W.profiled(5_475_000, "2026-11-16", period: 0) + W.profiled(1_825_000, "2026-11-16", period: 0)))
            volumes = try W.uncorrected(settled["2026-11-17"]!)
            #expect(volumes["111|30"] == 1_300)
            #expect(volumes["182|30"] == (try W.profiled(1_825_000, "2026-11-17", period: 29)))
            // The SF of the pre-migration 15th, run after the migration was recorded, still
            // settles all four legacy points on the legacy path, as the II did.
            let legacyEarly = try W.uncorrected(early).filter { $0.key.hasPrefix("182|") }
            let legacySF = try W.uncorrected(settled["2026-11-15"]!).filter { $0.key.hasPrefix("182|") }
            #expect(legacySF.count == 48 && legacySF == legacyEarly)
            let four = [3_650_000, 7_300_000, 5_475_000, 1_825_000].map { Int64($0) }
            #expect(legacySF["182|20"] == (try four.map { try W.profiled($0, "2026-11-15", period: 19) }.reduce(0, +)))

            // Parity of W1: on the 15th its points are legacy, so MHHS would default them from the
            // LSS shape (the MHHS points' 200 Wh); on the 17th it has their data.
            let shapeRun = try await world.loadShapes("2026-11-15", at: "2026-11-23T07:00:00+00:00")
            let parityBefore = try await ParityReport.build(
                wave: "W1", date: W.date("2026-11-15"), at: W.instant("2026-11-23T08:00:00+00:00"), register: world.register,
                migrations: world.migrations, spData: world.spData, shapes: world.shapes, coefficients: SyntheticProfileCoefficients())
            let category = LoadShapeCategory(
                gspGroup: .southern, connectionType: .wholeCurrent, marketSegment: .smart, domesticPremise: .domestic,
                measurementQuantity: .activeImport)
            let shape = try #require(shapeRun.shape(for: category))
            #expect(shape.values[0] == 200)
            let l1Default = LoadShapeTotals.scale(200, annualConsumptionWh: 3_650_000, annualTotal: shape.totals.annual)
            let l1Before = try #require(parityBefore.points.first { $0.mpan == Self.l1 })
            #expect(l1Before.periodsFromShape == 48 && l1Before.periodsFromData == 0)
            #expect(l1Before.mhhsWh == 48 * l1Default)
            #expect(l1Before.legacyWh == (try (0..<48).map { try W.profiled(3_650_000, "2026-11-15", period: $0) }.reduce(0, +)))
            let row = try #require(parityBefore.rows.first { $0.gspGroup == .southern && $0.period == 1 })
            #expect(row.points == 3 && row.fromShape == 3 && row.fromData == 0)
            let parityAfter = try await ParityReport.build(
                wave: "W1", date: W.date("2026-11-17"), at: W.instant("2026-11-23T08:00:00+00:00"), register: world.register,
                migrations: world.migrations, spData: world.spData, shapes: world.shapes, coefficients: SyntheticProfileCoefficients())
            #expect(parityAfter.points.allSatisfy { $0.periodsFromData == 48 && $0.mhhsWh == 14_400 })
            #expect(parityAfter.rows.first { $0.period == 10 }?.mhhsWh == 900)
            // Largest deviation first: L2's legacy day is 20 kWh a year / 365, furthest from 14.4 kWh.
            #expect(parityAfter.points.first?.mpan == Self.l2)

            // Reverse migration of L1 from the 19th: its profile again, its MHHS data set aside.
            try await world.migration(at: "2026-11-24T09:00:00+00:00").reverse(
                Self.l1, from: W.date("2026-11-19"), to: .legacyNHH, cssRegistrationID: "rev-l1",
                at: W.instant("2026-11-24T09:00:00+00:00"))
            #expect(try await world.migrations.items(wave: "W1").first { $0.mpan == Self.l1 }?.status == .reversed)
            let reversed = try await world.settle("2026-11-19", .initialSettlement, at: "2026-11-24T12:00:00+00:00")
            try W.checkBalanced(reversed, points: 6)
            volumes = try W.uncorrected(reversed)
            #expect(
                volumes["182|1"] == (try W.profiled(3_650_000, "2026-11-19", period: 0) + W.profiled(1_825_000, "2026-11-19", period: 0)))
            #expect(volumes["111|1"] == 1_000, "L2, L3 and the MHHS points; not L1")

            // The last wave takes every legacy point left; the segment then runs off. Migrations
            // are never backdated over dates that may be settled already.
            await #expect(throws: MigrationError.self) {
                _ = try await world.migration(at: "2026-11-24T10:00:00+00:00").plan(
                    Self.wave("W2", start: "2026-11-20", createdAt: "2026-11-24T10:00:00+00:00"))
            }
            let last = try await world.migration(at: "2026-11-24T10:00:00+00:00").plan(
                Self.wave("W2", start: "2026-11-25", createdAt: "2026-11-24T10:00:00+00:00"))
            #expect(Set(last.map(\.mpan)) == [Self.l1, Self.l4])
            let final = try await world.migration(at: "2026-11-24T11:00:00+00:00").run(
                date: W.date("2026-11-25"), at: W.instant("2026-11-24T11:00:00+00:00"), actAsProviders: true)
            #expect(final.migrated.count == 2)
            #expect(
                final.closures == [
                    LegacyClosure(segment: .smart, lastLegacyDate: W.date("2026-11-24"), closedAt: W.instant("2026-11-24T11:00:00+00:00"))
                ])
            let after = try await world.settle("2026-11-25", .initialSettlement, at: "2026-11-25T12:00:00+00:00")
            try W.checkBalanced(after, points: 6)
            #expect(try W.uncorrected(after).keys.allSatisfy { !$0.hasPrefix("182|") }, "no legacy volumes after the run-off")
            #expect(after.manifest.inputs["legacy"] == "synthetic;closed:S>2026-11-24")
            // The day before still settles L1 and L4 on the legacy path.
            let lastLegacy = try await world.settle("2026-11-24", .initialSettlement, at: "2026-11-25T12:00:00+00:00")
            try W.checkBalanced(lastLegacy, points: 6)
            #expect(
                try W.uncorrected(lastLegacy)["182|1"]
                    == (try W.profiled(3_650_000, "2026-11-24", period: 0) + W.profiled(1_825_000, "2026-11-24", period: 0)))

            // Run-off status: the 24th is the last date needing legacy reruns, up to its DF.
            let runOff = try await RunOffReport.build(
                register: world.register, migrations: world.migrations, at: W.instant("2026-11-25T00:00:00+00:00"))
            let smart = try #require(runOff.segments.first { $0.segment == .smart })
            #expect(smart.openLegacyPoints == 0)
            #expect(smart.lastDateNeedingLegacyReruns == W.date("2026-11-24"))
            let schedule = SettlementTimetable().schedule(for: W.date("2026-11-24"))
            #expect(smart.finalReruns == schedule)
            #expect(smart.finalLegacyRun?.run == .disputeFinal)
            #expect(runOff.switchOffDate == schedule.last!.dueDate.adding(days: 1))

            // A rerun of a pre-migration day still uses the legacy path after the closure.
            let rerun = try await world.settle("2026-11-15", .firstReconciliation, at: "2026-11-30T00:00:00+00:00")
            #expect(try W.uncorrected(rerun).filter { $0.key.hasPrefix("182|") } == legacySF)
            // After the closure the legacy path takes nobody back, even from an earlier date (a
            // reverse migration is open-ended)…
            for from in ["2026-11-18", "2026-11-27"] {
                await #expect {
                    try await world.migration(at: "2026-11-26T09:00:00+00:00").reverse(
                        Self.l2, from: W.date(from), to: .legacyNHH, cssRegistrationID: "rev-l2", at: W.instant("2026-11-26T09:00:00+00:00")
                    )
                } throws: { error in
                    "\(error)".contains("segment S ran off after 2026-11-24")
                }
            }
            // …and a settlement run that finds a legacy point past it (recorded behind the
            // service's back) stops, naming the MPAN, instead of settling a closed path.
            var legacy = MeteringPointFacts()
            legacy.arrangement = .legacyNHH
            try await world.register.record([
                RegisterAssertion(
                    mpan: Self.l2, gspGroup: .southern, effectiveFrom: W.date("2026-11-26"),
                    recordedAt: W.instant("2026-11-26T10:00:00+00:00"),
                    mask: .arrangement, facts: legacy, source: "test: bypass")
            ])
            await #expect {
                _ = try await world.settle("2026-11-26", .initialSettlement, at: "2026-11-27T00:00:00+00:00")
            } throws: { error in
                "\(error)".contains("2000000000060") && "\(error)".contains("ran off after 2026-11-24")
            }
        }
    }
}
