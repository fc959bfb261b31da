import Foundation
import MHHSCore
import MHHSLegacy
import MHHSRegistration
import MHHSSettlement
import Testing

/// The NHHDC's EAC/AA update from register reads, on the half-group fixture: L1 (…051, PC 1,
/// EAC 3,650 kWh) is read at 1,000 kWh on 1 Nov, 1,200 on 15 Nov and 1,350 on 29 Nov.
@Suite("Legacy NHH: EAC/AA from register reads")
struct EACUpdateTests {
    typealias W = MigrationWorld
    static let l1 = try! MPAN("2000000000051")

    static let reads = """
        mpan,read_date,register_kwh
        2000000000051,2026-11-01,1000.000
        2000000000051,2026-11-15,1200.000
        2000000000051,2026-11-29,1350.000
        2000000000060,2026-11-01,500.000
        2000000000060,2026-11-15,400.000
        2000000000098,2026-11-01,10.000
        2000000000098,2026-11-15,20.000

        """

    /// 2026's PC 1 `_H` coefficients, day by day (worked out once).
    static let year = try! SyntheticProfileCoefficients().year(2026, profileClass: 1, group: .southern)
    static func day(_ date: SettlementDate) -> [Int64] { year[date.dayNumber - W.date("2026-01-01").dayNumber] }

    /// Σ coefficients over the dates, worked out directly.
    static func coefficientSum(_ first: String, _ last: String) -> Int64 {
        (W.date(first).dayNumber...W.date(last).dayNumber).map { day(SettlementDate(dayNumber: $0)).reduce(0, +) }.reduce(0, +)
    }

    static func halfUp(_ numerator: Int128, _ denominator: Int128) -> Int64 { Int64((2 * numerator + denominator) / (2 * denominator)) }

    @Test(arguments: MigrationWorld.Backend.allCases)
    func annualisesAndSettles(_ backend: MigrationWorld.Backend) async throws {
        try await MigrationWorld.with(backend) { world in
            try await world.registrations("registrations.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.takes(recordedAt: "2026-11-12T00:00:00+00:00")
            let before = try await world.settle("2026-11-14", .initialSettlement, at: "2026-11-23T12:00:00+00:00")

            let update = try EACUpdate(csv: Self.reads)
            let (results, refusals) = try await update.apply(
                register: world.register, coefficients: SyntheticProfileCoefficients(), at: W.instant("2026-11-30T09:00:00+00:00"))
            #expect(refusals.map(\.mpan.description) == ["2000000000060", "2000000000098"])
            #expect(refusals[0].reason.contains("went back 100000 Wh"))
            #expect(refusals[1].reason.contains("not legacy NHH"))

            // By hand: AA = advance ÷ Σ coefficients; EAC = EAC × (1 − Σ) + AA × Σ.
            let pico = Int128(1_000_000_000_000)
            let first = Self.coefficientSum("2026-11-02", "2026-11-15")
            let aa1 = Self.halfUp(200_000 * pico, Int128(first))
            let eac1 = Self.halfUp(3_650_000 * (pico - Int128(first)) + Int128(aa1) * Int128(first), pico)
            let second = Self.coefficientSum("2026-11-16", "2026-11-29")
            let aa2 = Self.halfUp(150_000 * pico, Int128(second))
            let eac2 = Self.halfUp(Int128(eac1) * (pico - Int128(second)) + Int128(aa2) * Int128(second), pico)
            #expect(results.map(\.annualisedAdvanceWh) == [aa1, aa2])
            #expect(results.map(\.eacWh) == [eac1, eac2])
            #expect(results.map(\.previousEACWh) == [3_650_000, eac1])
            // A November fortnight is more than 1/26 of a PC 1 year, so the AA is below the 5.2 MWh pro rata.
            #expect(aa1 < 200_000 * 365 / 14)

            // Applying the same reads again changes nothing: its own AA is not taken for the previous EAC.
            let again = try await update.apply(
                register: world.register, coefficients: SyntheticProfileCoefficients(), at: W.instant("2026-11-30T10:00:00+00:00"))
            #expect(again.results == results)

            func annual(on date: String, knownAt: String) async throws -> Int64? {
                try await world.register.state(of: Self.l1, on: W.date(date), asKnownAt: W.instant(knownAt))?.annualConsumption?.energy
                    .wattHours
            }
            #expect(try await annual(on: "2026-11-10", knownAt: "2026-11-29T00:00:00+00:00") == 3_650_000)
            #expect(try await annual(on: "2026-11-02", knownAt: "2026-12-01T00:00:00+00:00") == aa1)
            #expect(try await annual(on: "2026-11-15", knownAt: "2026-12-01T00:00:00+00:00") == aa1)
            #expect(try await annual(on: "2026-11-16", knownAt: "2026-12-01T00:00:00+00:00") == aa2)
            #expect(try await annual(on: "2026-11-30", knownAt: "2026-12-01T00:00:00+00:00") == eac2)

            // Profiled on its AA, the read period's volumes add up to the advance (each period
            // rounds by at most half a Wh).
            var profiled: Int64 = 0
            var date = W.date("2026-11-02")
            while date <= W.date("2026-11-15") {
                profiled += Self.day(date).map { Self.halfUp(Int128(aa1) * Int128($0), pico) }.reduce(0, +)
                date = date.adding(days: 1)
            }
            #expect(abs(profiled - 200_000) <= 14 * 48 / 2, "\(profiled)")

            // The SF (before the reads) settled L1 on its EAC; the R1 after them on its AA.
            let after = try await world.settle("2026-11-14", .firstReconciliation, at: "2026-12-01T00:00:00+00:00")
            let others = try [7_300_000, 5_475_000, 1_825_000].map { try W.profiled(Int64($0), "2026-11-14", period: 0) }.reduce(0, +)
            #expect(try W.uncorrected(before)["182|1"] == (try W.profiled(3_650_000, "2026-11-14", period: 0)) + others)
            #expect(try W.uncorrected(after)["182|1"] == (try W.profiled(aa1, "2026-11-14", period: 0)) + others)
            try W.checkBalanced(after, points: 6)

            // `settle diff`'s explanation names the legacy MPAN behind the change: only L1's
            // contribution to SUPA's BM unit moved between the two runs.
            let unit = BMUnitAssignments.defaultUnit(supplier: try MPID("SUPA"), group: .southern)
            func contributions(_ at: String) async throws -> [Int64: Int64] {
                let snapshot = try await world.register.snapshot(of: .southern, on: W.date("2026-11-14"), asKnownAt: W.instant(at))
                let profiles = try LegacyNHHVolumes(coefficients: SyntheticProfileCoefficients(), digest: "synthetic").profiles(snapshot)
                return MPANContributions.wattHours(
                    snapshot: snapshot, segments: [], cutoffVersion: 0, supplier: "SUPA", bmUnit: unit, periodIndex: 0, legacy: profiles)
            }
            let sf = try await contributions("2026-11-23T12:00:00+00:00")
            let r1 = try await contributions("2026-12-01T00:00:00+00:00")
            #expect(sf.count == 4 && r1.count == 4)
            #expect(sf.keys.filter { sf[$0] != r1[$0] } == [Self.l1.value])
            #expect(r1[Self.l1.value] == (try W.profiled(aa1, "2026-11-14", period: 0)))

            // A later file reading the whole month at once: its AA holds over every date of it,
            // though the first file's figures recorded earlier take effect inside it.
            let month = try EACUpdate(csv: "\(EACUpdate.header)\n2000000000051,2026-11-01,1000.000\n2000000000051,2026-11-29,1350.000\n")
            let (whole, none) = try await month.apply(
                register: world.register, coefficients: SyntheticProfileCoefficients(), at: W.instant("2026-12-02T00:00:00+00:00"))
            #expect(none.isEmpty)
            let aa = Self.halfUp(350_000 * pico, Int128(Self.coefficientSum("2026-11-02", "2026-11-29")))
            #expect(whole.map(\.annualisedAdvanceWh) == [aa])
            for date in ["2026-11-02", "2026-11-15", "2026-11-16", "2026-11-29"] {
                #expect(try await annual(on: date, knownAt: "2026-12-03T00:00:00+00:00") == aa, "\(date)")
            }
        }
    }

    @Test("a malformed reads file is refused whole")
    func malformed() {
        #expect(throws: EACUpdate.FormatError.self) { try EACUpdate(csv: "mpan,read\n") }
        #expect(throws: EACUpdate.FormatError.self) { try EACUpdate(csv: "\(EACUpdate.header)\n2000000000051,2026-11-01,12.5\n") }
        #expect(throws: EACUpdate.FormatError.self) { try EACUpdate(csv: "\(EACUpdate.header)\n2000000000052,2026-11-01,12.500\n") }
    }
}
