/// Walks the segments of one group and date in MPAN order and gives, for each metering point
/// asked about (in ascending MPAN order), its resolved row for one measurement quantity: per
/// period the value of the highest version at or below the cut-off that carries it.
///
/// One segment with one row per MPAN (a bulk load, the common case at scale) hands out
/// pointers into the mapped file; otherwise rows are merged into a scratch row. Columns are
/// held as raw pointers so the per-MPAN step does no reference counting.
struct RowResolver {
    struct Row {
        var values: UnsafePointer<Int32>
        var present: UInt64
        var estimated: UInt64
    }

    /// One segment's columns and how far the walk has got.
    private struct Cursor {
        let rows: Int
        let mpans: UnsafePointer<Int64>
        let quantities: UnsafePointer<UInt8>
        let versions: UnsafePointer<Int64>
        let present: UnsafePointer<UInt64>
        let estimated: UnsafePointer<UInt64>
        let values: UnsafePointer<Int32>
        var position = 0
    }

    /// Keeps the mappings alive while the cursors point into them.
    private let segments: [SPSegment]
    private let periods: Int
    private let cutoff: Int64
    private var cursors: [Cursor]
    private let scratch: UnsafeMutablePointer<Int32>
    private let zeros: UnsafeMutablePointer<Int32>

    init(segments: [SPSegment], periods: Int, cutoff: Int64) {
        let ordered = segments.filter { $0.rowCount > 0 }.sorted { $0.versions[0] < $1.versions[0] }
        self.segments = ordered
        self.periods = periods
        self.cutoff = cutoff
        cursors = ordered.map { segment in
            Cursor(
                rows: segment.rowCount, mpans: segment.mpans.baseAddress!, quantities: segment.quantities.baseAddress!,
                versions: segment.versions.baseAddress!, present: segment.present.baseAddress!,
                estimated: segment.estimated.baseAddress!, values: segment.values.baseAddress!)
        }
        scratch = .allocate(capacity: 64)
        zeros = .allocate(capacity: 64)
        zeros.initialize(repeating: 0, count: 64)
        scratch.initialize(repeating: 0, count: 64)
    }

    /// Frees the scratch rows; call once when done.
    func release() {
        scratch.deallocate()
        zeros.deallocate()
    }

    @inline(__always)
    mutating func resolve(mpan: Int64, quantityIndex: UInt8) -> Row {
        var result = Row(values: zeros, present: 0, estimated: 0)
        var merged = false
        for index in cursors.indices {
            var cursor = cursors[index].position
            let segment = cursors[index]
            while cursor < segment.rows,
                segment.mpans[cursor] < mpan || (segment.mpans[cursor] == mpan && segment.quantities[cursor] < quantityIndex)
            {
                cursor += 1
            }
            while cursor < segment.rows, segment.mpans[cursor] == mpan, segment.quantities[cursor] == quantityIndex {
                if segment.versions[cursor] <= cutoff {
                    let values = segment.values + cursor * periods
                    let present = segment.present[cursor]
                    let estimated = segment.estimated[cursor]
                    if result.present == 0 && !merged {
                        result = Row(values: values, present: present, estimated: estimated)
                    } else {
                        if !merged {
                            scratch.update(from: result.values, count: periods)
                            result.values = UnsafePointer(scratch)
                            merged = true
                        }
                        for period in 0..<periods where present & (1 << UInt64(period)) != 0 {
                            scratch[period] = values[period]
                        }
                        result.estimated = (result.estimated & ~present) | (estimated & present)
                        result.present |= present
                    }
                }
                cursor += 1
            }
            cursors[index].position = cursor
        }
        return result
    }
}
