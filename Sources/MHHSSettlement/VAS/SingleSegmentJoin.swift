import MHHSRegistration

/// The row of one segment that belongs to each snapshot entry, found by one merge pass over
/// both (they are sorted by MPAN): the VAS's fast path when a day has one segment.
struct SingleSegmentJoin {
    private let segment: SPSegment
    /// Segment row per snapshot entry, or -1 when the segment has none for its MQ.
    private let rowOfPoint: [Int32]
    private let values: UnsafePointer<Int32>
    private let present: UnsafePointer<UInt64>
    private let estimated: UnsafePointer<UInt64>

    init(segment: SPSegment, snapshot: RegisterSnapshot, cutoff: Int64) {
        self.segment = segment
        values = segment.values.baseAddress!
        present = segment.present.baseAddress!
        estimated = segment.estimated.baseAddress!
        var rowOfPoint = [Int32](repeating: -1, count: snapshot.count)
        let mpans = segment.mpans
        let quantities = segment.quantities
        let versions = segment.versions
        snapshot.mpans.withUnsafeBufferPointer { points in
            snapshot.energyDirection.withUnsafeBufferPointer { directions in
                var point = 0
                for row in 0..<segment.rowCount where versions[row] <= cutoff {
                    let mpan = mpans[row]
                    while point < points.count, points[point] < mpan { point += 1 }
                    guard point < points.count else { break }
                    // An export point's data is AE (MQ index 1); everything else AI (0).
                    // A second row for the same point (not made by MDS's own ingests, but possible in
                    // a hand-made file) sends the point to the merging path: -2.
                    if points[point] == mpan, quantities[row] == (directions[point] == 1 ? 1 : 0) {
                        rowOfPoint[point] = rowOfPoint[point] == -1 ? Int32(row) : -2
                    }
                }
            }
        }
        self.rowOfPoint = rowOfPoint
    }

    /// Adds every point whose row has all periods (the common case) straight into `sums`, and
    /// returns the points left for the general path: no row, a partial row, a key in `general`
    /// (legacy points, settled on their profile whatever SP data exists), or not settled.
    func addCompleteRows(
        keyOfPoint: [Int32], general: [Bool], into sums: UnsafeMutableBufferPointer<Int64>, periods: Int
    ) -> (slow: [Int], complete: Int) {
        let allPeriods: UInt64 = (1 << UInt64(periods)) - 1
        var slow: [Int] = []
        var complete = 0
        keyOfPoint.withUnsafeBufferPointer { keys in
            rowOfPoint.withUnsafeBufferPointer { rows in
                for point in 0..<keys.count {
                    let key = Int(keys[point])
                    guard key >= 0 else { continue }
                    let row = Int(rows[point])
                    guard row >= 0, present[row] == allPeriods, !general[key] else {
                        // -1 (no row), -2 (several rows) or a partial row: the general path.
                        slow.append(point)
                        continue
                    }
                    complete += 1
                    GroupAllocator.addAll(
                        values + row * periods, estimated: estimated[row], into: sums, base: key * 2 * periods, periods: periods)
                }
            }
        }
        return (slow, complete)
    }

    /// The point's row, or nil when it has several (the caller merges them).
    @inline(__always)
    func row(of point: Int, periods: Int) -> RowResolver.Row? {
        let row = Int(rowOfPoint[point])
        guard row != -2 else { return nil }
        // No row: nothing is present, so the values pointer is never read.
        guard row >= 0 else { return RowResolver.Row(values: values, present: 0, estimated: 0) }
        return RowResolver.Row(values: values + row * periods, present: present[row], estimated: estimated[row])
    }
}
