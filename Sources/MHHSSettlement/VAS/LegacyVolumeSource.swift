import MHHSRegistration

/// The legacy path's volumes for the metering points a settlement date still settles under the
/// legacy NHH arrangement (implemented by `MHHSLegacy`'s profiler): they join the MHHS volumes
/// in the same allocation, so GSP group correction covers the whole group and every MPAN is
/// counted once, in the arrangement the register gives it on the date as known at the run.
public protocol LegacyVolumeSource: Sendable {
    /// Wh per settlement period of the snapshot's date for each legacy NHH entry it can profile,
    /// by snapshot index; an entry it cannot profile is absent (settled at zero and counted).
    func volumes(_ snapshot: RegisterSnapshot) throws -> [Int: [Int64]]
    /// What the source is, for the run's manifest (e.g. the coefficient set).
    var digest: String { get }
}
