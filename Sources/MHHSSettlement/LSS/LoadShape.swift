import MHHSCore

/// One category's load shape for one UTC day (IF-022's unit): 48 period values in whole Wh
/// (the published kWh to 3 decimals), each with its flag, and the totals IF-023 publishes.
public struct LoadShape: Sendable, Hashable {
    public var category: LoadShapeCategory
    public var day: UTCDay
    /// Wh per UTC period, slot 0 ends at 00:30 UTC.
    public var values: [Int64]
    public var flags: [LoadShapeFlag]
    /// How many actual values the category's own mean used in each period (0 when fallen back
    /// and no data).
    public var samples: [Int32]
    public var totals: LoadShapeTotals

    public init(
        category: LoadShapeCategory, day: UTCDay, values: [Int64], flags: [LoadShapeFlag], samples: [Int32],
        totals: LoadShapeTotals
    ) {
        self.category = category
        self.day = day
        self.values = values
        self.flags = flags
        self.samples = samples
        self.totals = totals
    }
}

/// IF-023's figures for one category and day (B053 and B054), in Wh. Peak and off-peak are
/// published for the smart segment only [C] and are nil otherwise.
public struct LoadShapeTotals: Sendable, Hashable {
    public var day: Int64
    public var dayPeak: Int64?
    public var dayOffPeak: Int64?
    public var sevenDay: Int64
    public var sevenDayPeak: Int64?
    public var sevenDayOffPeak: Int64?
    public var annual: Int64

    public init(
        day: Int64, dayPeak: Int64?, dayOffPeak: Int64?, sevenDay: Int64, sevenDayPeak: Int64?, sevenDayOffPeak: Int64?, annual: Int64
    ) {
        self.day = day
        self.dayPeak = dayPeak
        self.dayOffPeak = dayOffPeak
        self.sevenDay = sevenDay
        self.sevenDayPeak = sevenDayPeak
        self.sevenDayOffPeak = sevenDayOffPeak
        self.annual = annual
    }
}

/// The day totals of one stored shape: what the rolling figures are summed from.
public struct LoadShapeDayTotals: Sendable, Hashable {
    public var day: UTCDay
    public var total: Int64
    public var peak: Int64
    public var offPeak: Int64

    public init(day: UTCDay, total: Int64, peak: Int64, offPeak: Int64) {
        self.day = day
        self.total = total
        self.peak = peak
        self.offPeak = offPeak
    }
}

extension LoadShapeDayTotals {
    /// The day's totals from its period values. Peak and off-peak follow DI-044/DI-045, read as
    /// the UTC day's period numbers [A]: off-peak is periods 1–14 on a GMT day and 2–15 on a BST
    /// day (the UTC day whose noon is in BST), peak the rest.
    public init(day: UTCDay, values: [Int64]) {
        let bst = LondonClock.utcOffsetSeconds(at: day.midnight.adding(seconds: 43_200)) != 0
        let offPeak = bst ? 1...14 : 0...13
        self.init(
            day: day, total: values.reduce(0, +), peak: values.indices.filter { !offPeak.contains($0) }.reduce(0) { $0 + values[$1] },
            offPeak: offPeak.reduce(0) { $0 + values[$1] })
    }
}

extension LoadShapeTotals {
    /// [A] The rolling figures: DI-043 is the sum of the day totals of the 7 UTC days ending on
    /// the shape's day, DI-040 of the 365 ending on it. A day the LSS has no shape for counts
    /// as the mean of the days it has (so a new category's annual total is 365 × its mean day,
    /// not a fraction of a year), rounded half up to the Wh.
    public init(today: LoadShapeDayTotals, history: [LoadShapeDayTotals], segment: MarketSegment) {
        let known = [today] + history.filter { $0.day != today.day }
        func window(_ days: Int) -> [LoadShapeDayTotals] { known.filter { $0.day.dayNumber > today.day.dayNumber - days } }
        func scaled(_ entries: [LoadShapeDayTotals], _ days: Int, _ figure: (LoadShapeDayTotals) -> Int64) -> Int64 {
            let sum = entries.reduce(0) { $0 + figure($1) }
            return ExactShares.roundedRatio(Int128(sum) * Int128(days), Int128(entries.count))
        }
        let week = window(7)
        let smart = segment == .smart
        self.init(
            day: today.total, dayPeak: smart ? today.peak : nil, dayOffPeak: smart ? today.offPeak : nil,
            sevenDay: scaled(week, 7, \.total), sevenDayPeak: smart ? scaled(week, 7, \.peak) : nil,
            sevenDayOffPeak: smart ? scaled(week, 7, \.offPeak) : nil, annual: scaled(window(365), 365, \.total))
    }

    /// A shape value scaled to a metering point's annual consumption (DOMAIN §6): value × annual
    /// consumption ÷ the shape's annual total, rounded half up. What MDS defaults with and what
    /// data services estimate with, so both sides of the DIP compute the same Wh.
    public static func scale(_ value: Int64, annualConsumptionWh: Int64, annualTotal: Int64) -> Int64 {
        ExactShares.scaled(value, times: annualConsumptionWh, over: annualTotal)
    }
}
