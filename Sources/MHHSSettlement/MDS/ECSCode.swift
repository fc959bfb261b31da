/// The MDS validation codes of the DIP specification (ResponseCodes, ECS1002–ECS1016), plus the
/// DIP schema-failure code for content MDS cannot read.
public enum ECSCode: String, Sendable, Hashable, Codable, CaseIterable {
    case schemaFailure = "MSG1001"
    case quantityInvalidForEvent = "ECS1002"
    case afterFinalReconciliation = "ECS1003"
    case durationInvalid = "ECS1004"
    case endInvalidForDuration = "ECS1005"
    case duplicated = "ECS1006"
    case overlapping = "ECS1007"
    case nonActualOnDeEnergised = "ECS1008"
    case meteringPointStatus = "ECS1009"
    case negative = "ECS1010"
    case zeroEstimateNotZero = "ECS1011"
    case aboveMaximum = "ECS1012"
    case beforeConnectionType = "ECS1013"
    case dayNotMidnight = "ECS1014"
    case estimationReasonMissing = "ECS1015"

    /// The specification's text for the code.
    public var text: String {
        switch self {
        case .schemaFailure: "Schema Failure"
        case .quantityInvalidForEvent: "MQID Invalid for Event Type"
        case .afterFinalReconciliation: "SP End Date/Time has already past MDS Run Date (RF)"
        case .durationInvalid: "Settlement Period Duration Invalid"
        case .endInvalidForDuration: "SP End Date / Time invalid for Settlement Period Duration"
        case .duplicated: "SP End Date/Time duplicated with SP in same message"
        case .overlapping: "SP End Date/Time overlaps with SP in same message"
        case .nonActualOnDeEnergised: "SP End Date/Time contains non-Actual Consumption for ECS De-Energised MPAN"
        case .meteringPointStatus: "Consumption cannot be recorded due to ECS MPAN Status"
        case .negative: "Consumption Value cannot be negative"
        case .zeroEstimateNotZero: "Consumption Value must be Zero if Estimation Code is Type 'ZE'"
        case .aboveMaximum: "Consumption Value for SP is greater than ECS Maximum Permitted"
        case .beforeConnectionType: "SP End Date/Time is prior to Connection Type EffectiveFrom Date"
        case .dayNotMidnight: "UTC Settlement Date/Time is not 00:00:00"
        case .estimationReasonMissing: "Estimation Reason Code Cannot be Null"
        }
    }
}

/// One thing MDS refused: a whole message, one day of it, or one period.
public struct MDSRejection: Sendable, Hashable, CustomStringConvertible {
    public let code: ECSCode
    /// The message's place in its file or request (0-based).
    public let position: Int
    public let senderUniqueReference: String?
    public let senderDIPID: String?
    public let transactionID: String?
    public let mpan: String?
    /// The `settlementDayDate` of the refused day, when not the whole message.
    public let dayStart: UTCInstantText?
    /// The `sp` of the refused period, when one period.
    public let periodEnd: UTCInstantText?
    public let detail: String

    public var scope: String { periodEnd != nil ? "period" : dayStart != nil ? "day" : "message" }

    public var description: String {
        var text = "\(code.rawValue) \(code.text): message \(position + 1)"
        if let mpan { text += " MPAN \(mpan)" }
        if let dayStart { text += " day \(dayStart.text)" }
        if let periodEnd { text += " sp \(periodEnd.text)" }
        return text + (detail.isEmpty ? "" : " — \(detail)")
    }
}

/// A date-time kept as the DIP text it is written in (for rejections that echo the input).
public struct UTCInstantText: Sendable, Hashable {
    public let text: String
    public init(_ text: String) { self.text = text }
}
