import MHHSCore

/// Which BM unit each metering point's volume goes to.
///
/// Every supplier has a default unit in every GSP group: `2__` + the group's letter + the
/// supplier's MPID + `000` (e.g. `2__CEMEB000`). A supplier can register further units and
/// allocate metering points to them; an allocation names the supplier, so it lapses when the
/// metering point changes supplier.
public struct BMUnitAssignments: Sendable, Hashable {
    public struct Assignment: Sendable, Hashable, Codable {
        public let mpan: MPAN
        public let supplier: MPID
        public let bmUnit: String

        public init(mpan: MPAN, supplier: MPID, bmUnit: String) {
            self.mpan = mpan
            self.supplier = supplier
            self.bmUnit = bmUnit
        }
    }

    public private(set) var byMPAN: [Int64: Assignment] = [:]

    public init(_ assignments: [Assignment] = []) {
        for assignment in assignments { byMPAN[assignment.mpan.value] = assignment }
    }

    public static func defaultUnit(supplier: MPID, group: GSPGroup) -> String {
        "2__" + String(group.rawValue.dropFirst()) + supplier.value + "000"
    }

    /// The unit of a metering point supplied by `supplier` in `group`.
    public func unit(mpan: Int64, supplier: MPID, group: GSPGroup) -> String {
        if let assignment = byMPAN[mpan], assignment.supplier == supplier { return assignment.bmUnit }
        return Self.defaultUnit(supplier: supplier, group: group)
    }
}
