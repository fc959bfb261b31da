/// An amount of energy in integer watt-hours.
///
/// Every stored and summed quantity is an `Energy`; arithmetic that would overflow throws
/// ``EnergyError/overflow`` instead of wrapping or trapping.
public struct Energy: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let wattHours: Int64

    public init(wattHours: Int64) { self.wattHours = wattHours }

    public static let zero = Energy(wattHours: 0)

    /// Adds, throwing on overflow.
    public func adding(_ other: Energy) throws(EnergyError) -> Energy {
        let (sum, overflow) = wattHours.addingReportingOverflow(other.wattHours)
        guard !overflow else { throw .overflow }
        return Energy(wattHours: sum)
    }

    /// Subtracts, throwing on overflow.
    public func subtracting(_ other: Energy) throws(EnergyError) -> Energy {
        let (difference, overflow) = wattHours.subtractingReportingOverflow(other.wattHours)
        guard !overflow else { throw .overflow }
        return Energy(wattHours: difference)
    }

    /// The exact sum of a sequence, throwing on overflow.
    public static func sum(_ values: some Sequence<Energy>) throws(EnergyError) -> Energy {
        var total = Energy.zero
        for value in values { total = try total.adding(value) }
        return total
    }

    public var description: String { "\(wattHours) Wh" }

    public static func < (lhs: Energy, rhs: Energy) -> Bool { lhs.wattHours < rhs.wattHours }
}

/// Why an energy value could not be parsed, printed or computed.
public enum EnergyError: Error, Equatable, Sendable, CustomStringConvertible {
    case format(DecimalTextError)
    case overflow
    case outOfRange(wattHours: Int64, format: String)

    public var description: String {
        switch self {
        case .format(let error): error.description
        case .overflow: "energy arithmetic overflowed"
        case .outOfRange(let wattHours, let format): "\(wattHours) Wh does not fit the format \(format)"
        }
    }
}
