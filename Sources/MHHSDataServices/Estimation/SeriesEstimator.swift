import MHHSCore
import MHHSSettlement

/// Turns one metering point's reads of one quantity into the 48 values of a UTC day: validates
/// the interval data, keeps what passes as actual, and fills every other half hour, in order:
/// de-energised → zero; covered by a register advance → apportioned pro rata to the load shape
/// (less the interval data inside it); a lone gap between actuals → their mean; otherwise the
/// load shape scaled to the annual consumption (or the category's mean when there is none).
public struct SeriesEstimator: Sendable {
    public var service: DataServiceKind
    public var shapes: ShapeLibrary
    public var limits: ReadingLimits
    public var lss: LSSConfiguration

    public init(service: DataServiceKind, shapes: ShapeLibrary, limits: ReadingLimits = .standard, lss: LSSConfiguration = .init()) {
        self.service = service
        self.shapes = shapes
        self.limits = limits
        self.lss = lss
    }

    /// The day's 48 periods and what validation found.
    public func estimate(
        day: UTCDay, profile: MeteringPointProfile, quantity: MeasurementQuantity, intervals: [IntervalRead], registers: [RegisterRead]
    ) -> (periods: [ConsumptionPeriod], findings: [Finding]) {
        let category = profile.category(quantity, configuration: lss)
        var findings: [Finding] = []
        // Every valid interval value the input has for this point (any day): advances need them.
        var actual: [Int64: Int64] = [:]
        var invalid: Set<Int64> = []
        let maximum = limits.maximum(for: profile.connectionType)
        for read in intervals {
            if read.energyWh < 0 {
                findings.append(finding(profile, quantity, read.end, .negativeValue, "\(read.energyWh) Wh", read.line))
                invalid.insert(read.end.secondsSinceEpoch)
            } else if read.energyWh > maximum {
                findings.append(finding(profile, quantity, read.end, .aboveMaximum, "\(read.energyWh) Wh > \(maximum) Wh", read.line))
                invalid.insert(read.end.secondsSinceEpoch)
            } else {
                actual[read.end.secondsSinceEpoch] = read.energyWh
            }
        }
        let ends = (0..<UTCDay.periodCount).map { day.periodEnd(slot: $0) }
        var values = [Int64?](repeating: nil, count: ends.count)
        var methods = [EstimationMethod](repeating: .actual, count: ends.count)
        for (slot, end) in ends.enumerated() { values[slot] = actual[end.secondsSinceEpoch] }

        if !profile.energised {
            for slot in ends.indices where values[slot] == nil {
                values[slot] = 0
                methods[slot] = .deEnergised
            }
        }
        apportionAdvances(
            registers, category: category, actual: actual, ends: ends, values: &values, methods: &methods, findings: &findings,
            profile: profile, quantity: quantity)
        for slot in ends.indices where values[slot] == nil {
            if slot > 0, slot < ends.count - 1, methods[slot - 1] == .actual, methods[slot + 1] == .actual,
                let before = values[slot - 1], let after = values[slot + 1]
            {
                values[slot] = (before + after + 1) / 2
                methods[slot] = .singleMissing
            }
        }
        for slot in ends.indices where values[slot] == nil {
            (values[slot], methods[slot]) = fromShape(category, profile: profile, day: day, slot: slot)
        }
        let periods = ends.indices.map { slot -> ConsumptionPeriod in
            let method = methods[slot]
            let reason: UInt8
            switch method {
            case .actual: reason = 0
            case .deEnergised: reason = 7
            case .amendment: reason = 9
            default: reason = invalid.contains(ends[slot].secondsSinceEpoch) ? 3 : 2
            }
            return ConsumptionPeriod(end: ends[slot], energyWh: values[slot]!, quality: service.code(for: method), estimationReason: reason)
        }
        return (periods, findings)
    }

    /// Fills the day's gaps that lie inside a register advance. Reads are used in time order; a
    /// read below the one before it is refused (a negative advance) and the next pair is made
    /// from the last good read.
    private func apportionAdvances(
        _ registers: [RegisterRead], category: LoadShapeCategory, actual: [Int64: Int64], ends: [UTCInstant], values: inout [Int64?],
        methods: inout [EstimationMethod], findings: inout [Finding], profile: MeteringPointProfile, quantity: MeasurementQuantity
    ) {
        var good: [RegisterRead] = []
        for read in registers.sorted(by: { ($0.at, $0.line) < ($1.at, $1.line) }) {
            if let last = good.last {
                if read.registerWh < last.registerWh {
                    findings.append(
                        finding(
                            profile, quantity, read.at, .negativeAdvance, "\(last.registerWh) Wh then \(read.registerWh) Wh", read.line))
                    continue
                }
                if read.at == last.at { continue }
            }
            good.append(read)
        }
        let dayStart = ends[0].adding(seconds: -settlementPeriodSeconds)
        let dayEnd = ends[ends.count - 1]
        for (from, to) in zip(good, good.dropFirst()) where to.at > dayStart && from.at < dayEnd {
            // The half hours in (from.at, to.at], by their end instant.
            let count = Int((to.at.secondsSinceEpoch - from.at.secondsSinceEpoch) / settlementPeriodSeconds)
            let periodEnds = (1...count).map { from.at.adding(seconds: Int64($0) * settlementPeriodSeconds) }
            let missing = periodEnds.filter { actual[$0.secondsSinceEpoch] == nil }
            guard !missing.isEmpty else { continue }
            let known = periodEnds.compactMap { actual[$0.secondsSinceEpoch] }.reduce(0, +)
            var remainder = to.registerWh - from.registerWh - known
            if remainder < 0 {
                findings.append(
                    finding(
                        profile, quantity, to.at, .advanceBelowIntervals,
                        "advance \(to.registerWh - from.registerWh) Wh < interval data \(known) Wh", to.line))
                remainder = 0
            }
            let weights = Apportionment.filled(missing.map { shapes.value(for: category, periodEnding: $0) })
            let parts = Apportionment.split(remainder, weights: weights)
            // A daily read pair spans one settlement day: up to 50 half hours on the autumn change.
            let method: EstimationMethod = remainder == 0 ? .zeroAdvance : (count <= 50 ? .dailyAdvance : .multiDayAdvance)
            for (end, part) in zip(missing, parts) where end > dayStart && end <= dayEnd {
                let slot = Int((end.secondsSinceEpoch - dayStart.secondsSinceEpoch) / settlementPeriodSeconds) - 1
                guard values[slot] == nil else { continue }
                values[slot] = part
                methods[slot] = method
            }
        }
    }

    /// The shape's value scaled to the annual consumption; the shape value itself when the
    /// point has no annual consumption; the flat back-stop when there is no shape.
    private func fromShape(_ category: LoadShapeCategory, profile: MeteringPointProfile, day: UTCDay, slot: Int) -> (
        Int64, EstimationMethod
    ) {
        guard let shape = shapes.shape(for: category, on: day) else {
            let annual = profile.annualConsumptionWh ?? lss.backstop.shape(for: category).map { $0.reduce(0, +) * 365 } ?? 0
            return (DefaultingBackstop.spread(max(0, annual)), .noRecentData)
        }
        if let annual = profile.annualConsumptionWh, annual >= 0, shape.totals.annual > 0, category.measurementQuantity.isActive {
            return (
                LoadShapeTotals.scale(shape.values[slot], annualConsumptionWh: annual, annualTotal: shape.totals.annual), .annualConsumption
            )
        }
        return (shape.values[slot], .noRecentData)
    }

    private func finding(
        _ profile: MeteringPointProfile, _ quantity: MeasurementQuantity, _ at: UTCInstant, _ kind: Finding.Kind, _ detail: String,
        _ line: Int
    ) -> Finding {
        Finding(mpan: profile.mpan, quantity: quantity, at: at, kind: kind, detail: detail, line: line)
    }
}
