import MHHSCore
import MHHSRegistration

extension SyntheticMarket {
    /// The market's legacy registrations of one group: every point with its supplier, LDSO,
    /// address and CSS registration, in the legacy arrangement of its segment (smart and
    /// unmetered: legacy NHH with a profile class, SSC 0393 and an EAC; advanced: legacy HH),
    /// with its legacy data collector and metering service.
    /// `points` limits it to those points of the group (by index), so a GB-sized group can be
    /// registered in parts.
    public func legacyRegistrations(
        of group: GSPGroup, points: Range<Int>? = nil, from date: SettlementDate, recordedAt instant: UTCInstant
    ) -> [RegisterAssertion] {
        let area = Self.areas.first { $0.group == group }!
        let distributor = try! MPID(area.mpid)
        return (points ?? 0..<count(of: group)).clamped(to: 0..<count(of: group)).map { index in
            let point = point(group: group, index: index)
            var facts = MeteringPointFacts()
            facts.supplier = participants.suppliers[point.supplier]
            facts.cssRegistrationID = "css-\(point.mpan)"
            facts.distributor = distributor
            facts.connectionType = point.connection
            facts.marketSegment = point.segment
            facts.energyDirection = point.exporting ? .exporting : .importing
            facts.domesticPremise = point.domestic ? .domestic : .nonDomestic
            facts.energisation = point.deEnergised ? .deEnergised : .energised
            facts.llfClass = format3(point.llfClass)
            facts.duosTariff = point.domestic ? "D01" : "N01"
            facts.address = try! MeteringPointAddress(
                postcode: "AB1 \(index % 9 + 1)CD", lines: ["\(index + 1) Synthetic Street", nil, area.mpid])
            facts.meteringService = Appointment(role: .meteringService(for: point.segment), provider: participants.legacyMeterOperator)
            if point.segment == .advanced {
                facts.arrangement = .legacyHH
                facts.legacyDataCollector = Appointment(role: .halfHourlyDataCollector, provider: participants.legacyHHDataCollector)
            } else {
                facts.arrangement = .legacyNHH
                facts.legacyDataCollector = Appointment(role: .nonHalfHourlyDataCollector, provider: participants.legacyNHHDataCollector)
                facts.profileClass = Self.profileClass(point)
                facts.standardSettlementConfiguration = "0393"
            }
            // Every point's expected year, HH ones too, so migration progress weighs them by energy.
            facts.annualConsumption = AnnualConsumption(energy: Energy(wattHours: Self.annualWattHours(point)), quality: "3")
            return RegisterAssertion(
                mpan: try! MPAN(String(point.mpan)), gspGroup: group, effectiveFrom: date, recordedAt: instant, mask: .all, facts: facts,
                source: "synthetic market")
        }
    }

    /// [A] Domestic smart whole current 1, other whole current 3, CT-metered 5, unmetered 8.
    static func profileClass(_ point: Point) -> Int {
        switch (point.segment, point.connection) {
        case (.unmetered, _): 8
        case (_, .wholeCurrent): point.domestic ? 1 : 3
        default: 5
        }
    }

    /// The point's expected year: its mean half-hour value (the range's middle × the shape's
    /// mean) × 17,520; zero when de-energised.
    static func annualWattHours(_ point: Point) -> Int64 {
        guard !point.deEnergised else { return 0 }
        let (low, high) = range(point)
        let shapeSum = (0..<48).reduce(Int64(0)) { $0 + Int64(shape(point, $1, 48)) }
        return (low + high) * shapeSum * 17_520 / (2 * 4 * 48)
    }
}

func format3(_ value: Int) -> String { String(repeating: "0", count: max(0, 3 - String(value).count)) + String(value) }
