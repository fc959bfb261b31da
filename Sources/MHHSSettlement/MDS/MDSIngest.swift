import MHHSCore
import MHHSMessages

/// MDS's content rules over decoded IF-021 messages (ECS1002–ECS1015), and the segments the
/// accepted values go into. Pure: the register is asked through `lookup`, time is passed in.
///
/// Scope of a refusal: a message whose MQ does not fit its event (ECS1002) or whose MPAN MDS
/// does not know (ECS1009) is refused whole; a day that is not UTC midnight (ECS1014) or whose
/// duration is not 30 (ECS1004) loses that day; every other rule refuses only the period, and
/// the rest of the message is accepted.
public struct MDSIngest: Sendable {
    public let rules: MDSRules

    public init(rules: MDSRules = MDSRules()) { self.rules = rules }

    public struct Outcome: Sendable {
        /// One builder per (settlement date, GSP group) touched, rows in arrival order.
        public var segments: [SPSegmentBuilder]
        public var rejections: [MDSRejection]
        public var messages: Int
        /// Messages with at least one accepted value.
        public var acceptedMessages: Int
        public var acceptedValues: Int
        /// The messages with refusals (readable ones), for their IF-014s.
        public var refusedSubmissions: [ConsumptionSubmission] = []

        /// One IF-014 per refused readable message, in message order; `version` (the SP-data
        /// version the ingest became) keeps the sender references unique across ingests.
        public func rejectionMessages(sender: ReportSender, at instant: UTCInstant, version: Int64) -> [JSONValue] {
            let byPosition = Dictionary(grouping: rejections, by: \.position)
            return refusedSubmissions.enumerated().map { sequence, submission in
                IF014Message.build(
                    submission: submission, rejections: byPosition[submission.position] ?? [], sender: sender, at: instant,
                    reference: "v\(version)n\(sequence + 1)")
            }
        }
    }

    public func run(
        _ items: [IF021Decoder.Item], receivedAt: UTCInstant,
        lookup: (MPAN, SettlementDate) -> MeteringPointDay?
    ) -> Outcome {
        var builders: [Int: SPSegmentBuilder] = [:]
        var outcome = Outcome(segments: [], rejections: [], messages: items.count, acceptedMessages: 0, acceptedValues: 0)
        let today = SettlementDate(dayNumber: receivedAt.utcDayNumber)
        var finalDates: [Int: SettlementDate?] = [:]
        // Each UTC day's 48 local periods, worked out once per file.
        var localPeriods: [Int: [LocalSettlementPeriod]] = [:]
        var rows: [RowKey: Int] = [:]
        for item in items {
            switch item {
            case .malformed(let malformed):
                outcome.rejections.append(
                    MDSRejection(
                        code: .schemaFailure, position: malformed.position, senderUniqueReference: malformed.senderUniqueReference,
                        senderDIPID: malformed.senderDIPID, transactionID: nil, mpan: malformed.mpan, dayStart: nil, periodEnd: nil,
                        detail: "\(malformed.path): \(malformed.reason)"))
            case .submission(let submission):
                var checker = SubmissionChecker(submission: submission, rules: rules, today: today)
                let accepted = checker.check(
                    lookup: lookup,
                    finalDate: { date in
                        if let known = finalDates[date.dayNumber] { return known }
                        let found = rules.finalReconciliationDate(date)
                        finalDates[date.dayNumber] = found
                        return found
                    },
                    localPeriods: { day in
                        if let known = localPeriods[day.dayNumber] { return known }
                        let periods = day.localPeriods
                        localPeriods[day.dayNumber] = periods
                        return periods
                    })
                outcome.rejections.append(contentsOf: checker.rejections)
                if !checker.rejections.isEmpty { outcome.refusedSubmissions.append(submission) }
                guard !accepted.isEmpty else { continue }
                outcome.acceptedMessages += 1
                outcome.acceptedValues += accepted.count
                let quantity = submission.measurementQuantity
                // Consecutive values mostly share a date: look the row up only when it changes.
                var currentDate = -1
                var currentGroup: GSPGroup?
                var bucket = -1
                var row = -1
                for value in accepted {
                    if value.date.dayNumber != currentDate || value.group != currentGroup {
                        currentDate = value.date.dayNumber
                        currentGroup = value.group
                        bucket = value.date.dayNumber * 16 + GSPGroup.allCases.firstIndex(of: value.group)!
                        if builders[bucket] == nil {
                            builders[bucket] = SPSegmentBuilder(settlementDate: value.date, gspGroup: value.group)
                        }
                        // One row per MPAN and MQ in a segment, however many messages of the ingest
                        // carry its periods (two UTC days both touch a BST date): a later message's
                        // period replaces an earlier one's.
                        let key = RowKey(bucket: bucket, mpan: submission.mpan.value, quantity: quantity)
                        row = rows[key] ?? builders[bucket]!.addRow(mpan: submission.mpan.value, quantity: quantity, version: 0)
                        rows[key] = row
                    }
                    builders[bucket]!.set(row: row, periodIndex: value.periodIndex, energyWh: Int32(value.energyWh), quality: value.quality)
                }
            }
        }
        outcome.segments = builders.keys.sorted().map { builders[$0]! }
        return outcome
    }
}

/// A segment row's identity within one ingest.
struct RowKey: Hashable {
    let bucket: Int
    let mpan: Int64
    let quantity: MeasurementQuantity
}

/// A period that passed every rule, placed in its local settlement period.
struct AcceptedValue {
    let date: SettlementDate
    let group: GSPGroup
    let periodIndex: Int
    let energyWh: Int64
    let quality: QualityCode
}
