import MHHSCore
import Testing

@testable import MHHSRegistration

@Suite("Bitemporal register: folding assertions")
struct RegisterFoldTests {
    typealias F = RegisterFixtures

    /// Registered with OLDS from 2026-10-01 (recorded then); a change of supplier to NEWS
    /// effective 2026-11-01 but recorded only on 2026-11-10.
    static let history = [
        F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS"), sequence: 1),
        F.supplierChange("NEWS", effective: "2026-11-01", recorded: "2026-11-10", sequence: 2),
    ]

    @Test("a retrospective change of supplier: as known on day 5 the old one, on day 11 the new one")
    func retrospectiveChangeOfSupplier() throws {
        let day1 = F.date("2026-11-01")
        let knownDay5 = try #require(RegisterFold.state(of: Self.history, on: day1, asKnownAt: F.instant("2026-11-05")))
        #expect(knownDay5.supplier?.value == "OLDS")
        let knownDay11 = try #require(RegisterFold.state(of: Self.history, on: day1, asKnownAt: F.instant("2026-11-11")))
        #expect(knownDay11.supplier?.value == "NEWS")
        #expect(knownDay11.arrangement == .legacyNHH, "facts outside the change's mask keep their values")
        let before = try #require(RegisterFold.state(of: Self.history, on: F.date("2026-10-31"), asKnownAt: F.instant("2026-11-11")))
        #expect(before.supplier?.value == "OLDS")
        #expect(RegisterFold.state(of: Self.history, on: F.date("2026-09-30"), asKnownAt: F.instant("2026-11-11")) == nil)
        #expect(RegisterFold.state(of: Self.history, on: day1, asKnownAt: F.instant("2026-09-30")) == nil)
    }

    @Test("history shows both suppliers with their validity as known now")
    func historyShowsBoth() {
        let history = RegisterHistory(mpan: F.mpan, assertions: Self.history)
        #expect(history.entries.count == 2)
        let old = history.entries[0].facts.first { $0.name == "supplier" }
        #expect(old?.value == "OLDS")
        #expect(old?.validTo == F.date("2026-10-31"))
        let new = history.entries[1].facts.first { $0.name == "supplier" }
        #expect(new?.value == "NEWS" && new?.validTo == nil)
        #expect(history.entries[1].assertion.recordedAt == F.instant("2026-11-10"))
    }

    @Test("a correction with the same effective date replaces the value from when it is recorded")
    func correction() throws {
        let corrected = Self.history + [F.supplierChange("FIXD", effective: "2026-11-01", recorded: "2026-11-20", sequence: 3)]
        let day = F.date("2026-11-15")
        #expect(RegisterFold.state(of: corrected, on: day, asKnownAt: F.instant("2026-11-19"))?.supplier?.value == "NEWS")
        #expect(RegisterFold.state(of: corrected, on: day, asKnownAt: F.instant("2026-11-21"))?.supplier?.value == "FIXD")
        let history = RegisterHistory(mpan: F.mpan, assertions: corrected)
        #expect(history.entries[1].facts.first?.supersededBy == 3)
    }

    @Test("a later effective date wins even if it was recorded earlier")
    func futureDatedChange() {
        let assertions = [
            F.assertion(effective: "2026-10-01", recorded: "2026-10-05", facts: F.fullState(supplier: "OLDS"), sequence: 2),
            F.supplierChange("NEXT", effective: "2026-12-01", recorded: "2026-09-01", sequence: 1),
        ]
        #expect(RegisterFold.state(of: assertions, on: F.date("2026-12-02"), asKnownAt: F.instant("2026-12-02"))?.supplier?.value == "NEXT")
        #expect(RegisterFold.state(of: assertions, on: F.date("2026-11-30"), asKnownAt: F.instant("2026-12-02"))?.supplier?.value == "OLDS")
    }

    @Test("an assertion can end a fact: a de-appointment leaves no data service")
    func endingAFact() {
        var appointed = MeteringPointFacts()
        appointed.dataService = Appointment(role: .smartDataService, provider: try! MPID("SDSA"))
        let assertions =
            Self.history + [
                F.assertion(effective: "2026-11-02", recorded: "2026-11-02", mask: .dataService, facts: appointed, sequence: 3),
                F.assertion(effective: "2026-11-20", recorded: "2026-11-20", mask: .dataService, facts: MeteringPointFacts(), sequence: 4),
            ]
        let now = F.instant("2026-12-01")
        #expect(RegisterFold.state(of: assertions, on: F.date("2026-11-10"), asKnownAt: now)?.dataService?.provider.value == "SDSA")
        #expect(RegisterFold.state(of: assertions, on: F.date("2026-11-20"), asKnownAt: now)?.dataService == nil)
    }
}

@Suite("Bitemporal register: columnar snapshots")
struct RegisterSnapshotTests {
    typealias F = RegisterFixtures

    @Test("the snapshot holds, for every MPAN, exactly what folding its assertions gives (seeded)")
    func snapshotMatchesFold() throws {
        var generator = SplitMix64(seed: 7)
        let suppliers = ["AAAA", "BBBB", "CCCC"]
        var assertions: [RegisterAssertion] = []
        var sequence: Int64 = 0
        let mpans = (0..<200).map { try! MPAN(distributor: DistributorID(12), uniqueNumber: Int64($0) * 13 + 5) }
        for mpan in mpans {
            for change in 0..<Int.random(in: 1...4, using: &generator) {
                sequence += 1
                let effective = F.date("2026-10-01").adding(days: Int.random(in: 0...40, using: &generator))
                let recorded = F.instant("2026-10-01").adding(seconds: Int64.random(in: 0...(60 * 86_400), using: &generator))
                var facts = F.fullState(supplier: suppliers.randomElement(using: &generator)!)
                facts.energisation = Bool.random(using: &generator) ? .energised : .deEnergised
                facts.llfClass = ["1", "2", "20A"].randomElement(using: &generator)!
                let mask: RegisterFact = change == 0 ? .all : [.supplier, .energisation, .llfClass]
                assertions.append(
                    RegisterAssertion(
                        mpan: mpan, gspGroup: .london, effectiveFrom: effective, recordedAt: recorded, mask: mask, facts: facts,
                        source: "seeded", sequence: sequence))
            }
        }
        for (date, known) in [("2026-10-15", "2026-10-20"), ("2026-11-05", "2026-11-30"), ("2026-11-05", "2026-10-10")] {
            var builder = RegisterSnapshotBuilder(gspGroup: .london, settlementDate: F.date(date), asKnownAt: F.instant(known))
            for assertion in assertions.shuffled(using: &generator).sorted(by: { $0.mpan < $1.mpan }) { builder.add(assertion) }
            let snapshot = builder.finish()
            var expectedCount = 0
            for mpan in mpans {
                let expected = RegisterFold.state(of: assertions.filter { $0.mpan == mpan }, on: F.date(date), asKnownAt: F.instant(known))
                guard let expected, expected.supplier != nil else {
                    #expect(!snapshot.mpans.contains(mpan.value))
                    continue
                }
                expectedCount += 1
                let index = try #require(snapshot.mpans.firstIndex(of: mpan.value))
                let actual = snapshot.facts(at: index)
                #expect(actual.supplier == expected.supplier)
                #expect(actual.energisation == expected.energisation)
                #expect(actual.llfClass == expected.llfClass)
                #expect(actual.arrangement == expected.arrangement)
                #expect(snapshot.annualConsumptionWh[index] == (expected.annualConsumption?.energy.wattHours ?? -1))
            }
            #expect(snapshot.count == expectedCount)
            #expect(snapshot.mpans == snapshot.mpans.sorted())
        }
    }
}
