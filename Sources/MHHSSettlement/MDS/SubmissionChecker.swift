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
        lookup: (MPAN, SettlementDate) -> MeteringPointDay?, finalDate: (SettlementDate) -> SettlementDate?
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
        // Every sp of the message, to find the same period sent twice across days (ECS1007).
        var seenAcrossDays: [Int64: Int] = [:]
        for (dayIndex, day) in submission.days.enumerated() {
            for period in day.periods { seenAcrossDays[period.end.secondsSinceEpoch, default: 0] += dayIndex == 0 ? 1 : 0 }
        }
        var firstDayOf: [Int64: Int] = [:]
        for (dayIndex, day) in submission.days.enumerated() {
            for period in day.periods where firstDayOf[period.end.secondsSinceEpoch] == nil {
                firstDayOf[period.end.secondsSinceEpoch] = dayIndex
            }
        }
        var accepted: [AcceptedValue] = []
        var unknownReported = false
        var statusOfDate: [Int: MeteringPointDay?] = [:]
        for (dayIndex, day) in submission.days.enumerated() {
            let dayText = UTCInstantText(DIPDateTime(day.dayStart).text)
            guard day.dayStart.secondOfUTCDay == 0 else {
                reject(.dayNotMidnight, day: dayText, detail: "")
                continue
            }
            guard day.periodDuration == 30 else {
                reject(.durationInvalid, day: dayText, detail: "periodDuration \(day.periodDuration)")
                continue
            }
            var counts: [Int64: Int] = [:]
            for period in day.periods { counts[period.end.secondsSinceEpoch, default: 0] += 1 }
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
                guard counts[end] == 1 else {
                    refuse(.duplicated)
                    continue
                }
                guard firstDayOf[end] == dayIndex else {
                    refuse(.overlapping, "also sent under an earlier settlement day")
                    continue
                }
                let local = try! LocalSettlementPeriod(endingAt: period.end)
                if let final = finalDate(local.date), today > final {
                    refuse(.afterFinalReconciliation, "RF for \(local.date) ran on \(final)")
                    continue
                }
                let cached = statusOfDate[local.date.dayNumber]
                let found = cached ?? lookup(submission.mpan, local.date)
                if cached == nil { statusOfDate[local.date.dayNumber] = .some(found) }
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
                if period.quality.description.hasPrefix("ZE"), value != 0 {
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
