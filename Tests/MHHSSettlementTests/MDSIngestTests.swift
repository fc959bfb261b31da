import MHHSCore
import MHHSSettlement
import Testing

@Suite("MDS rules")
struct MDSIngestTests {
    static let day = UTCDay(dayNumber: 20_394)  // 2025-11-04, GMT
    static let mpan = try! MPAN("2000000000015")
    static let received = UTCInstant(utcMidnightOfDay: 20_396)

    static func submission(
        quantity: MeasurementQuantity = .activeImport, event: String = "[ActivePower]",
        days: [ConsumptionDay]? = nil, connectionFrom: UTCInstant? = nil
    ) -> ConsumptionSubmission {
        var submission = ConsumptionSubmission(
            position: 0, senderUniqueReference: "S-IF-021-1401234567-SDS-20251105-a1", senderDIPID: "1401234567", senderRole: "SDS",
            eventCode: event, mpan: mpan, issuingDataService: "1401234567", measurementQuantity: quantity,
            days: days ?? [ConsumptionDay(day: day, periods: periods())])
        submission.connectionTypeEffectiveFrom = connectionFrom
        return submission
    }

    static func periods(_ change: (inout [ConsumptionPeriod]) -> Void = { _ in }) -> [ConsumptionPeriod] {
        var periods = (0..<48).map { ConsumptionPeriod(end: day.periodEnd(slot: $0), energyWh: 100, quality: .actual) }
        change(&periods)
        return periods
    }

    static func run(
        _ submission: ConsumptionSubmission,
        status: MeteringPointDay? = MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: false),
        rules: MDSRules = MDSRules()
    ) -> MDSIngest.Outcome {
        MDSIngest(rules: rules).run([.submission(submission)], receivedAt: received) { _, _ in status }
    }

    @Test func acceptsAGoodMessageIntoOneSegmentRow() throws {
        let outcome = Self.run(Self.submission())
        #expect(outcome.rejections.isEmpty)
        #expect(outcome.acceptedValues == 48)
        #expect(outcome.segments.count == 1)
        let segment = try SPSegment(bytes: outcome.segments[0].bytes(stampingVersion: 7))
        #expect(segment.rowCount == 1 && segment.versions[0] == 7)
        #expect(segment.present[0] == (1 << 48) - 1 && segment.estimated[0] == 0)
        #expect(Array(segment.values).allSatisfy { $0 == 100 })
    }

    /// A fault in one period.
    enum BadPeriod: CaseIterable, Sendable {
        case negative, zeroEstimateNotZero, aboveMaximum, estimationReasonMissing, notOnTheHalfHour

        var code: ECSCode {
            switch self {
            case .negative: .negative
            case .zeroEstimateNotZero: .zeroEstimateNotZero
            case .aboveMaximum: .aboveMaximum
            case .estimationReasonMissing: .estimationReasonMissing
            case .notOnTheHalfHour: .endInvalidForDuration
            }
        }

        func apply(_ period: inout ConsumptionPeriod) {
            switch self {
            case .negative: period.energyWh = -1
            case .zeroEstimateNotZero:
                period.quality = QualityCode("ZE1")!
                period.estimationReason = 2
            case .aboveMaximum: period.energyWh = Int64(Int32.max) + 1
            case .estimationReasonMissing: period.quality = QualityCode("E2")!
            case .notOnTheHalfHour: period.end = period.end.adding(seconds: 60)
            }
        }
    }

    /// One bad period is refused with its code; the other 47 are kept.
    @Test(arguments: BadPeriod.allCases)
    func refusesOnePeriod(fault: BadPeriod) {
        let periods = Self.periods { fault.apply(&$0[5]) }
        let outcome = Self.run(Self.submission(days: [ConsumptionDay(day: Self.day, periods: periods)]))
        #expect(outcome.rejections.map(\.code) == [fault.code])
        #expect(outcome.rejections.first?.scope == "period")
        #expect(outcome.acceptedValues == 47)
    }

    @Test func refusesBothCopiesOfADuplicatedPeriodAndAPeriodRepeatedUnderAnotherDay() {
        let duplicated = Self.periods { $0[3] = $0[2] }
        var outcome = Self.run(Self.submission(days: [ConsumptionDay(day: Self.day, periods: duplicated)]))
        #expect(outcome.rejections.map(\.code) == [.duplicated, .duplicated])
        #expect(outcome.acceptedValues == 46)
        let repeated = [
            ConsumptionDay(day: Self.day, periods: Self.periods()), ConsumptionDay(day: Self.day, periods: [Self.periods()[0]]),
        ]
        outcome = Self.run(Self.submission(days: repeated))
        #expect(outcome.rejections.map(\.code) == [.overlapping])
    }

    @Test func refusesAWholeDayThatIsNotUTCMidnightOrNot30Minutes() {
        let shifted = ConsumptionDay(dayStart: Self.day.midnight.adding(seconds: 3_600), periods: Self.periods())
        let fifteen = ConsumptionDay(day: UTCDay(dayNumber: 20_395), periodDuration: 15, periods: [])
        let outcome = Self.run(Self.submission(days: [shifted, fifteen, ConsumptionDay(day: UTCDay(dayNumber: 20_393), periods: [])]))
        #expect(outcome.rejections.map(\.code) == [.dayNotMidnight, .durationInvalid])
        #expect(outcome.rejections.allSatisfy { $0.scope == "day" })
    }

    @Test func refusesTheWholeMessageForAWrongQuantityOrAnUnknownMPAN() {
        #expect(Self.run(Self.submission(quantity: .reactiveImport)).rejections.map(\.code) == [.quantityInvalidForEvent])
        let unknown = Self.run(Self.submission(), status: nil)
        #expect(unknown.rejections.map(\.code) == [.meteringPointStatus])
        #expect(unknown.rejections[0].scope == "message" && unknown.acceptedValues == 0 && unknown.segments.isEmpty)
    }

    @Test func refusesEstimatesOnADeEnergisedMPANButKeepsActualsAndZeros() {
        let periods = Self.periods { p in
            p[0].quality = QualityCode("E2")!
            p[0].estimationReason = 7
            p[1].quality = QualityCode("E2")!
            p[1].estimationReason = 7
            p[1].energyWh = 0
        }
        let outcome = Self.run(
            Self.submission(days: [ConsumptionDay(day: Self.day, periods: periods)]),
            status: MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: true))
        #expect(outcome.rejections.map(\.code) == [.nonActualOnDeEnergised])
        #expect(outcome.acceptedValues == 47)
    }

    @Test func refusesDataForDatesNotUnderMHHSOrPastTheirRFOrBeforeTheConnectionType() {
        var outcome = Self.run(Self.submission(), status: MeteringPointDay(gspGroup: .southern, settledInMHHS: false, deEnergised: false))
        #expect(outcome.rejections.count == 48 && Set(outcome.rejections.map(\.code)) == [.meteringPointStatus])
        outcome = Self.run(Self.submission(), rules: MDSRules(finalReconciliationDate: { $0 }))
        #expect(Set(outcome.rejections.map(\.code)) == [.afterFinalReconciliation])
        outcome = Self.run(Self.submission(connectionFrom: Self.day.periodEnd(slot: 9)))
        #expect(outcome.rejections.count == 10 && Set(outcome.rejections.map(\.code)) == [.beforeConnectionType])
    }

    /// In BST a UTC day's last two periods belong to the next local date: one message makes
    /// rows in two segments, at the right local periods.
    @Test func splitsABSTUTCDayAcrossTwoLocalDates() throws {
        let summer = UTCDay(dayNumber: 20_270)  // 2025-07-01
        let periods = (0..<48).map { ConsumptionPeriod(end: summer.periodEnd(slot: $0), energyWh: Int64($0 + 1), quality: .actual) }
        let outcome = Self.run(Self.submission(days: [ConsumptionDay(day: summer, periods: periods)]))
        #expect(outcome.segments.map(\.settlementDate.description) == ["2025-07-01", "2025-07-02"])
        let first = try SPSegment(bytes: outcome.segments[0].bytes(stampingVersion: 1))
        let second = try SPSegment(bytes: outcome.segments[1].bytes(stampingVersion: 1))
        // UTC 00:00–00:30 is 01:00–01:30 BST: SP 3 of the 1st; UTC 23:00–23:30 is SP 1 of the 2nd.
        #expect(first.values[2] == 1 && first.present[0] == ((1 << 48) - 1) & ~3)
        #expect(Array(second.values[0..<2]) == [47, 48] && second.present[0] == 3)
    }
}

@Suite("MDS rules across messages")
struct MDSIngestAcrossMessagesTests {
    /// Two messages of one ingest both reach a BST settlement date (UTC days D−1 and D): the
    /// segment gets one row for the MPAN with all 48 periods, not two partial rows.
    @Test func twoUTCDaysOfOneIngestMakeOneRowPerDate() throws {
        let previous = UTCDay(dayNumber: 20_269)  // 2025-06-30
        let day = UTCDay(dayNumber: 20_270)  // 2025-07-01
        func message(_ utc: UTCDay, position: Int) -> IF021Decoder.Item {
            var submission = MDSIngestTests.submission(days: [
                ConsumptionDay(
                    day: utc, periods: (0..<48).map { ConsumptionPeriod(end: utc.periodEnd(slot: $0), energyWh: 7, quality: .actual) })
            ])
            submission.position = position
            return .submission(submission)
        }
        let outcome = MDSIngest().run([message(previous, position: 0), message(day, position: 1)], receivedAt: MDSIngestTests.received) {
            _, _ in MeteringPointDay(gspGroup: .southern, settledInMHHS: true, deEnergised: false)
        }
        let july = try #require(outcome.segments.first { $0.settlementDate.description == "2025-07-01" })
        let segment = try SPSegment(bytes: july.bytes(stampingVersion: 1))
        #expect(segment.rowCount == 1)
        #expect(segment.present[0] == (1 << 48) - 1)
    }

    /// A date the MPAN is not registered on refuses only that date's periods (ECS1009); an
    /// MPAN the register never had refuses the message.
    @Test func aDateBeforeRegistrationRefusesOnlyItsPeriods() {
        let outcome = MDSIngestTests.run(
            MDSIngestTests.submission(), status: MeteringPointDay(gspGroup: .southern, settledInMHHS: false, deEnergised: false))
        #expect(outcome.rejections.allSatisfy { $0.scope == "period" && $0.code == .meteringPointStatus })
    }
}
