import MHHSCore

/// Applies the MDS rules to one message (see ``MDSIngest``).
struct SubmissionChecker {
    let submission: ConsumptionSubmission
    let rules: MDSRules
    let today: SettlementDate
    private(set) var rejections: [MDSRejection] = []

    init(submission: ConsumptionSubmission, rules: MDSRules, today: SettlementDate) {
        self.submission = submission
        self.rules = rules
        self.today = today
    }

    mutating func check(
        lookup: (MPAN, SettlementDate) -> MeteringPointDay?, finalDate: (SettlementDate) -> SettlementDate?,
        localPeriods: (UTCDay) -> [LocalSettlementPeriod]
    ) -> [AcceptedValue] {
        let active = submission.eventCode == "[ActivePower]"
        let activeQuantity = submission.measurementQuantity == .activeImport || submission.measurementQuantity == .activeExport
        guard active == activeQuantity else {
            reject(.quantityInvalidForEvent, detail: "\(submission.measurementQuantity.rawValue) in \(submission.eventCode)")
            return []
        }
        guard submission.days.count <= 200 else {
            reject(.schemaFailure, detail: "more than 200 settlement days (\(submission.days.count))")
            return []
        }
        // The same period sent under two days of one message (ECS1007): only possible with
        // several days, so the set is only built then.
        var earlierDays: Set<Int64> = []
        var accepted: [AcceptedValue] = []
        accepted.reserveCapacity(submission.valueCount)
        var unknownReported = false
        var statusOfDate: [(Int, MeteringPointDay?)] = []
        for (dayIndex, day) in submission.days.enumerated() {
            var dayText: UTCInstantText { UTCInstantText(DIPDateTime(day.dayStart).text) }
            guard day.dayStart.secondOfUTCDay == 0 else {
                reject(.dayNotMidnight, day: dayText, detail: "")
                continue
            }
            guard day.periodDuration == 30 else {
                reject(.durationInvalid, day: dayText, detail: "periodDuration \(day.periodDuration)")
                continue
            }
            // Slots sent once and more than once, as bit masks (a day has 48 half hours).
            var once: UInt64 = 0
            var twice: UInt64 = 0
            for period in day.periods {
                let offset = period.end.secondsSinceEpoch - day.dayStart.secondsSinceEpoch
                guard offset % settlementPeriodSeconds == 0, offset > 0, offset <= 86_400 else { continue }
                let bit: UInt64 = 1 << UInt64(offset / settlementPeriodSeconds - 1)
                twice |= once & bit
                once |= bit
            }
            let mapping = localPeriods(UTCDay(dayNumber: day.dayStart.utcDayNumber))
            for period in day.periods {
                let end = period.end.secondsSinceEpoch
                func refuse(_ code: ECSCode, _ detail: String = "") {
                    reject(code, day: dayText, period: UTCInstantText(DIPDateTime(period.end).text), detail: detail)
                }
                let offset = end - day.dayStart.secondsSinceEpoch
                guard offset % settlementPeriodSeconds == 0, offset > 0, offset <= 86_400 else {
                    refuse(.endInvalidForDuration, "not the end of a half hour of the day")
                    continue
                }
                let slot = Int(offset / settlementPeriodSeconds) - 1
                guard twice & (1 << UInt64(slot)) == 0 else {
                    refuse(.duplicated)
                    continue
                }
                if submission.days.count > 1 {
                    guard !earlierDays.contains(end) else {
                        refuse(.overlapping, "also sent under an earlier settlement day")
                        continue
                    }
                }
                let local = mapping[slot]
                if let final = finalDate(local.date), today > final {
                    refuse(.afterFinalReconciliation, "RF for \(local.date) ran on \(final)")
                    continue
                }
                let found: MeteringPointDay?
                if let cached = statusOfDate.first(where: { $0.0 == local.date.dayNumber }) {
                    found = cached.1
                } else {
                    found = lookup(submission.mpan, local.date)
                    statusOfDate.append((local.date.dayNumber, found))
                }
                guard let status = found else {
                    if !unknownReported {
                        unknownReported = true
                        reject(.meteringPointStatus, detail: "MPAN \(submission.mpan) is not registered")
                    }
                    continue
                }
                guard status.settledInMHHS else {
                    refuse(.meteringPointStatus, "not settled under MHHS on \(local.date)")
                    continue
                }
                let value = period.energyWh
                if value < 0 {
                    refuse(.negative)
                    continue
                }
                if period.quality.isZeroEstimate, value != 0 {
                    refuse(.zeroEstimateNotZero)
                    continue
                }
                if value > rules.maximumWattHoursPerPeriod {
                    refuse(.aboveMaximum, "\(value) Wh")
                    continue
                }
                if status.deEnergised, !period.quality.isActual, value != 0 {
                    refuse(.nonActualOnDeEnergised)
                    continue
                }
                if let from = submission.connectionTypeEffectiveFrom, period.end <= from {
                    refuse(.beforeConnectionType)
                    continue
                }
                if !period.quality.isActual, period.estimationReason == 0 {
                    refuse(.estimationReasonMissing)
                    continue
                }
                accepted.append(
                    AcceptedValue(
                        date: local.date, group: status.gspGroup, periodIndex: local.period.index, energyWh: value,
                        quality: period.quality))
            }
            if submission.days.count > 1 { for period in day.periods { earlierDays.insert(period.end.secondsSinceEpoch) } }
        }
        if unknownReported { return [] }
        return accepted
    }

    private mutating func reject(_ code: ECSCode, day: UTCInstantText? = nil, period: UTCInstantText? = nil, detail: String) {
        rejections.append(
            MDSRejection(
                code: code, position: submission.position, senderUniqueReference: submission.senderUniqueReference,
                senderDIPID: submission.senderDIPID, transactionID: submission.transactionID, mpan: submission.mpan.description,
                dayStart: day, periodEnd: period, detail: detail))
    }
}
