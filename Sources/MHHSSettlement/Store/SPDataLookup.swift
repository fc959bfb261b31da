import MHHSCore

/// The SP data of a few metering points as MDS held it at an instant: per period the value of
/// the latest version received by then, or nil where none was. For reports about chosen points
/// (migration parity); settlement scans whole groups through the VAS instead.
public enum SPDataLookup {
    /// Per MPAN asked about, the date's values (Wh per settlement period, nil where absent),
    /// for one measurement quantity; MPANs with no data at all are left out.
    public static func values(
        of mpans: [MPAN], quantity: MeasurementQuantity, date: SettlementDate, group: GSPGroup, receivedBy instant: UTCInstant,
        store: any SPDataStore
    ) async throws -> [MPAN: [Int64?]] {
        let cutoff = try await store.latestVersion(receivedAtOrBefore: instant)
        guard cutoff > 0 else { return [:] }
        let segments = try await store.segments(of: date, group: group, upToVersion: cutoff)
        let periods = date.periodCount
        var resolver = RowResolver(segments: segments, periods: periods, cutoff: cutoff)
        defer { resolver.release() }
        let quantityIndex = UInt8(MeasurementQuantity.allCases.firstIndex(of: quantity)!)
        var found: [MPAN: [Int64?]] = [:]
        // The resolver walks forward only: ask in ascending MPAN order.
        for mpan in Set(mpans).sorted() {
            let row = resolver.resolve(mpan: mpan.value, quantityIndex: quantityIndex)
            guard row.present != 0 else { continue }
            found[mpan] = (0..<periods).map { row.present & (1 << UInt64($0)) != 0 ? Int64(row.values[$0]) : nil }
        }
        return found
    }
}
