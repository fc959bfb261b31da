/// An IF-021 settlement period quality indicator (`q`, DI-083), as one byte.
///
/// Zero is reserved for "no value for this period" in the SP-data store, so codes start at 1
/// and follow the order of the specification's enumeration.
public struct QualityCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    /// Every code the specification lists (DI-083), in its order.
    public static let all: [String] = [
        "A", "E", "E0", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9",
        "ZE", "ZE1", "ZE2", "ZE3", "A1", "A2", "A3", "AAE1", "AAE2", "AAE3", "EAE1", "EAE2", "EAE3",
        "EA1", "EA2", "EA3", "EA4", "EA5", "EA6", "EA7", "EA8", "EA9", "EA10", "EA11", "EA12", "EA13",
    ]

    /// [A] The codes that count as actual data for the VAS's actual/estimated CCC split and for
    /// the de-energised rule: `A` and the advanced data service's actual variants `A1`–`A3`.
    /// Every other code is an estimate of some kind (`E*`, `ZE*` zero estimates, `EA*`, and
    /// `AAE*`/`EAE*`, which mix actual and estimated advances).
    public static let actualCodes: Set<String> = ["A", "A1", "A2", "A3"]

    /// The byte of every code that counts as actual.
    public static let actualBytes: Set<UInt8> = Set(all.indices.filter { actualCodes.contains(all[$0]) }.map { UInt8($0 + 1) })

    /// The code MDS writes for a period it defaulted (IF-013): not a DI-083 value, so it can
    /// never collide with a data service's own.
    public static let defaulted = QualityCode(rawValue: UInt8(all.count + 1))

    public static let actual = QualityCode(rawValue: 1)

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Parses the code's text, or nil when DI-083 has no such code.
    public init?(_ text: some StringProtocol) {
        guard let index = Self.all.firstIndex(where: { $0 == text }) else { return nil }
        rawValue = UInt8(index + 1)
    }

    /// Parses the code from its bytes without allocating (ingest's hot path).
    @inline(__always)
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let code = Self.lookup(bytes) else { return nil }
        rawValue = code
    }

    public var isActual: Bool { Self.actualBytes.contains(rawValue) }

    /// The bytes of the zero estimates `ZE`, `ZE1`–`ZE3` (ECS1011: their value must be zero).
    public static let zeroEstimateBytes: Set<UInt8> = Set(all.indices.filter { all[$0].hasPrefix("ZE") }.map { UInt8($0 + 1) })

    public var isZeroEstimate: Bool { Self.zeroEstimateBytes.contains(rawValue) }

    public var description: String {
        if self == .defaulted { return "D" }
        let index = Int(rawValue) - 1
        return Self.all.indices.contains(index) ? Self.all[index] : "?"
    }

    private static let table: [[UInt8]] = all.map { Array($0.utf8) }

    @inline(__always)
    private static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        // The common case first: a lone "A".
        if bytes.count == 1, bytes[0] == UInt8(ascii: "A") { return 1 }
        guard (1...4).contains(bytes.count) else { return nil }
        for (index, code) in table.enumerated() where code.count == bytes.count {
            if code.elementsEqual(bytes) { return UInt8(index + 1) }
        }
        return nil
    }
}
