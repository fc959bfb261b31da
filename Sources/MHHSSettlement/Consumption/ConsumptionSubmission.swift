import MHHSCore

/// One IF-021 message as MDS reads it: one MPAN, one measurement quantity, up to 200 UTC days
/// of half-hour values.
public struct ConsumptionSubmission: Sendable, Hashable {
    /// Where the message was in its file or request (0-based), for error reports.
    public var position: Int
    public var senderUniqueReference: String
    public var senderDIPID: String
    public var senderRole: String
    /// The hub's transaction id (D0) when the message came through the hub.
    public var transactionID: String?
    /// `[ActivePower]` or `[ReactivePower]`.
    public var eventCode: String
    public var mpan: MPAN
    public var distributorDIPID: String?
    public var gspGroup: GSPGroup?
    public var issuingDataService: String
    public var connectionType: ConnectionType?
    /// B067 `connectionTypeEffectiveFromDate`, when sent.
    public var connectionTypeEffectiveFrom: UTCInstant?
    public var measurementQuantity: MeasurementQuantity
    public var days: [ConsumptionDay]

    public init(
        position: Int, senderUniqueReference: String, senderDIPID: String, senderRole: String, transactionID: String? = nil,
        eventCode: String, mpan: MPAN, distributorDIPID: String? = nil, gspGroup: GSPGroup? = nil,
        issuingDataService: String, connectionType: ConnectionType? = nil, measurementQuantity: MeasurementQuantity,
        days: [ConsumptionDay]
    ) {
        self.position = position
        self.senderUniqueReference = senderUniqueReference
        self.senderDIPID = senderDIPID
        self.senderRole = senderRole
        self.transactionID = transactionID
        self.eventCode = eventCode
        self.mpan = mpan
        self.distributorDIPID = distributorDIPID
        self.gspGroup = gspGroup
        self.issuingDataService = issuingDataService
        self.connectionType = connectionType
        self.connectionTypeEffectiveFrom = nil
        self.measurementQuantity = measurementQuantity
        self.days = days
    }

    /// How many period values the message carries.
    public var valueCount: Int { days.reduce(0) { $0 + $1.periods.count } }
}

/// One `settlementDayConsumptionPeriods` entry: a UTC day and its periods as sent.
public struct ConsumptionDay: Sendable, Hashable {
    /// `settlementDayDate` as sent: it should be UTC midnight (ECS1014 when not).
    public var dayStart: UTCInstant
    /// `periodDuration` in minutes as sent (the specification allows only 30).
    public var periodDuration: Int
    public var periods: [ConsumptionPeriod]

    public init(dayStart: UTCInstant, periodDuration: Int = 30, periods: [ConsumptionPeriod]) {
        self.dayStart = dayStart
        self.periodDuration = periodDuration
        self.periods = periods
    }

    public init(day: UTCDay, periodDuration: Int = 30, periods: [ConsumptionPeriod]) {
        self.init(dayStart: day.midnight, periodDuration: periodDuration, periods: periods)
    }
}

/// One period value: `sp` (the period's end instant), `v` in whole Wh, `q`, and `e`.
public struct ConsumptionPeriod: Sendable, Hashable {
    public var end: UTCInstant
    public var energyWh: Int64
    public var quality: QualityCode
    /// The estimation reason code 1–10, or 0 when `e` is null.
    public var estimationReason: UInt8
    /// The supplier's amendment reason (`arc`, DI-166) as an ASCII letter, or 0 when null.
    public var amendmentReason: UInt8

    public init(end: UTCInstant, energyWh: Int64, quality: QualityCode, estimationReason: UInt8 = 0, amendmentReason: UInt8 = 0) {
        self.end = end
        self.energyWh = energyWh
        self.quality = quality
        self.estimationReason = estimationReason
        self.amendmentReason = amendmentReason
    }
}

/// An IF-021 message whose content could not be read (a missing or malformed field): MDS
/// rejects it and goes on with the rest of the file.
public struct MalformedConsumption: Error, Sendable, Hashable, CustomStringConvertible {
    public var position: Int
    public var senderUniqueReference: String?
    public var senderDIPID: String?
    public var mpan: String?
    /// The field, as a path such as `CustomBlock.B900.settlementDayConsumptionPeriods[0]…`.
    public var path: String
    public var reason: String

    public var description: String { "message \(position + 1): \(path): \(reason)" }
}
