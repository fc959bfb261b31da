/// Walks the segments of one group and date in MPAN order and gives, for each metering point
/// asked about (in ascending MPAN order), its resolved row for one measurement quantity: per
/// period the value of the highest version at or below the cut-off that carries it.
///
/// One segment with one row per MPAN (a bulk load, the common case at scale) hands out
/// pointers into the mapped file; otherwise rows are merged into a scratch row.
struct RowResolver {
    struct Row {
        var values: UnsafePointer<Int32>
        var present: UInt64
        var estimated: UInt64
    }

    private let segments: [SPSegment]
    private let periods: Int
    private let cutoff: Int64
    private var cursors: [Int]
    private let scratch: UnsafeMutablePointer<Int32>
    private let zeros: UnsafeMutablePointer<Int32>

    init(segments: [SPSegment], periods: Int, cutoff: Int64) {
        self.segments = segments.sorted { ($0.versions.first ?? 0) < ($1.versions.first ?? 0) }
        self.periods = periods
        self.cutoff = cutoff
        cursors = Array(repeating: 0, count: segments.count)
        scratch = .allocate(capacity: 64)
        zeros = .allocate(capacity: 64)
        zeros.initialize(repeating: 0, count: 64)
        scratch.initialize(repeating: 0, count: 64)
    }

    // The scratch rows live as long as the allocation that owns this resolver.
    func release() {
        scratch.deallocate()
        zeros.deallocate()
    }

    @inline(__always)
    mutating func resolve(mpan: Int64, quantityIndex: UInt8) -> Row {
        var result = Row(values: zeros, present: 0, estimated: 0)
        var merged = false
        for segmentIndex in segments.indices {
            let segment = segments[segmentIndex]
            let mpans = segment.mpans
            let quantities = segment.quantities
            var cursor = cursors[segmentIndex]
            while cursor < mpans.count, mpans[cursor] < mpan || (mpans[cursor] == mpan && quantities[cursor] < quantityIndex) {
                cursor += 1
            }
            while cursor < mpans.count, mpans[cursor] == mpan, quantities[cursor] == quantityIndex {
                let version = segment.versions[cursor]
                if version <= cutoff {
                    let values = segment.values.baseAddress! + cursor * periods
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
            cursors[segmentIndex] = cursor
        }
        return result
    }
}
