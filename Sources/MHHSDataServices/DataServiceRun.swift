import MHHSCore
import MHHSSettlement

/// One data service's day: every metering point and quantity in the input becomes one IF-021
/// submission for the UTC day (48 periods), estimated where the meter fell short.
public struct DataServiceRun: Sendable {
    public var service: DataServiceKind
    public var estimator: SeriesEstimator
    /// The data service's own DIP id (S1.senderDIPID and B044).
    public var dipID: String
    /// A distributor's DIP id for M0, from the hub's participant registry.
    public var distributorDIPID: @Sendable (MPID) -> String?

    /// [A] M0's distributor DIP id when the registry has none for the MPAN's distributor (the
    /// specification requires the field; the same placeholder as MDS's IF-014).
    public static let unknownDistributorDIPID = "0000000000"

    public init(
        service: DataServiceKind, estimator: SeriesEstimator, dipID: String,
        distributorDIPID: @escaping @Sendable (MPID) -> String? = { _ in nil }
    ) {
        self.service = service
        self.estimator = estimator
        self.dipID = dipID
        self.distributorDIPID = distributorDIPID
    }

    public struct Output: Sendable {
        public var submissions: [ConsumptionSubmission]
        public var findings: [Finding]
    }

    /// Estimates `day` for every point in `readings`. `profiles` holds the register's view of
    /// each point (a point without one is reported, not guessed).
    public func run(day: UTCDay, readings: MeterReadings, profiles: [MPAN: MeteringPointProfile], at instant: UTCInstant) -> Output {
        var intervals: [SeriesKey: [IntervalRead]] = [:]
        var registers: [SeriesKey: [RegisterRead]] = [:]
        for read in readings.intervals { intervals[SeriesKey(mpan: read.mpan, quantity: read.quantity), default: []].append(read) }
        for read in readings.registers { registers[SeriesKey(mpan: read.mpan, quantity: read.quantity), default: []].append(read) }
        let keys = Set(intervals.keys).union(registers.keys).sorted()
        var submissions: [ConsumptionSubmission] = []
        var findings: [Finding] = []
        var refused: Set<MPAN> = []
        for key in keys {
            guard let profile = profiles[key.mpan] else {
                if refused.insert(key.mpan).inserted {
                    findings.append(Finding(mpan: key.mpan, kind: .notInRegister, detail: "no registration on \(day)"))
                }
                continue
            }
            guard profile.marketSegment == service.segment, service == .advanced || key.quantity.isActive else {
                findings.append(
                    Finding(
                        mpan: key.mpan, quantity: key.quantity, kind: .wrongSegment,
                        detail:
                            "segment \(profile.marketSegment.rawValue) / \(key.quantity.rawValue) is not served by the \(service.rawValue)")
                )
                continue
            }
            let (periods, found) = estimator.estimate(
                day: day, profile: profile, quantity: key.quantity, intervals: intervals[key] ?? [], registers: registers[key] ?? [])
            findings += found
            submissions.append(submission(profile: profile, quantity: key.quantity, day: day, periods: periods, at: instant))
        }
        return Output(submissions: submissions, findings: findings)
    }

    /// The IF-021 of one point, quantity and day (also used for amendments and UMS).
    public func submission(
        profile: MeteringPointProfile, quantity: MeasurementQuantity, day: UTCDay, periods: [ConsumptionPeriod], at instant: UTCInstant,
        tag: String = "d"
    ) -> ConsumptionSubmission {
        let compactDate = DIPDateTime(instant).text.prefix(10).filter(\.isNumber)
        let reference =
            "S-IF-021-\(dipID)-\(service.role.rawValue)-\(compactDate)-\(tag)\(profile.mpan)\(quantity.rawValue)\(day.dayNumber)t\(instant.secondsSinceEpoch)"
        var submission = ConsumptionSubmission(
            position: 0, senderUniqueReference: reference, senderDIPID: dipID, senderRole: service.role.rawValue,
            eventCode: quantity.isActive ? "[ActivePower]" : "[ReactivePower]", mpan: profile.mpan,
            distributorDIPID: (profile.distributor ?? profile.mpan.distributor.dnoMPID).flatMap(distributorDIPID)
                ?? Self.unknownDistributorDIPID,
            gspGroup: profile.gspGroup, issuingDataService: dipID,
            connectionType: profile.connectionType, measurementQuantity: quantity,
            days: [ConsumptionDay(day: day, periods: periods)])
        // [A] Without a known effective date, the day itself (so MDS's ECS1013 refuses nothing).
        submission.connectionTypeEffectiveFrom = profile.connectionTypeEffectiveFrom?.startInstant ?? day.midnight
        return submission
    }
}

/// One metering point's one quantity.
struct SeriesKey: Hashable, Comparable {
    var mpan: MPAN
    var quantity: MeasurementQuantity

    static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        (lhs.mpan.value, lhs.quantity.rawValue) < (rhs.mpan.value, rhs.quantity.rawValue)
    }
}
