import MHHSCore

/// Something validation found in the input (a value refused, an advance that could not be
/// used): written out so the data service can chase the meter.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case negativeValue = "negative-value"
        case aboveMaximum = "above-maximum"
        case negativeAdvance = "negative-advance"
        case advanceBelowIntervals = "advance-below-intervals"
        case inventory = "inventory"
        case notInRegister = "not-in-register"
        case wrongSegment = "wrong-segment"
    }

    public var mpan: MPAN
    public var quantity: MeasurementQuantity?
    public var at: UTCInstant?
    public var kind: Kind
    public var detail: String
    public var line: Int?

    public init(mpan: MPAN, quantity: MeasurementQuantity? = nil, at: UTCInstant? = nil, kind: Kind, detail: String, line: Int? = nil) {
        self.mpan = mpan
        self.quantity = quantity
        self.at = at
        self.kind = kind
        self.detail = detail
        self.line = line
    }

    public var description: String {
        [
            mpan.description, quantity?.rawValue ?? "", at.map { DIPDateTime($0).text } ?? "", kind.rawValue, detail,
            line.map(String.init) ?? "",
        ]
        .joined(separator: ",")
    }

    public static let csvHeader = "mpan,mq,at,finding,detail,line"
}
