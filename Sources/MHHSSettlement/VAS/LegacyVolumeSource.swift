import MHHSCore
import MHHSRegistration

/// The legacy path's profiles for the metering points a settlement date still settles under the
/// legacy NHH arrangement (implemented by `MHHSLegacy`): the VAS adds annual Wh × coefficient for
/// each of them beside the MHHS volumes in the same allocation, so GSP group correction covers
/// the whole group and every MPAN is counted once, in the arrangement the register gives it on
/// the date as known at the run.
public protocol LegacyVolumeSource: Sendable {
    func profiles(_ snapshot: RegisterSnapshot) throws -> LegacyProfiles
    /// What the source is, for the run's manifest (e.g. the coefficient set).
    var digest: String { get }
}

/// One snapshot's legacy profiles, in columns so the VAS profiles millions of points without
/// allocating per point.
public struct LegacyProfiles: Sendable {
    /// Per profile class (index 1–8; empty when none), the date's coefficients per settlement period.
    public var coefficients: [[Int64]]
    /// The units a year's coefficients sum to (10¹² for pico-fractions).
    public var perYear: Int64
    /// Per snapshot entry, the annual Wh it is settled on, or -1 when it is not profiled
    /// (settled at zero and still counted).
    public var annualWh: [Int64]

    public init(coefficients: [[Int64]], perYear: Int64, annualWh: [Int64]) {
        self.coefficients = coefficients
        self.perYear = perYear
        self.annualWh = annualWh
    }
}
