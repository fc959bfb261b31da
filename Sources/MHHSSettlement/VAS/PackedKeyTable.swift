/// An open-addressing map from non-negative packed keys to key indices: the VAS classifies
/// every metering point through it, and `Dictionary` costs several times more per lookup.
struct PackedKeyTable {
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private var count = 0

    init(capacity: Int = 1 << 12) {
        keys = Array(repeating: -1, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The index stored for `key`, or -1.
    @inline(__always)
    subscript(key: Int64) -> Int32 {
        var slot = Self.hash(key) & mask
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found < 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: Int64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Self.hash(key) & mask
        while keys[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] < 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 >= 0 }
        keys = Array(repeating: -1, count: keys.count * 2)
        values = Array(repeating: -1, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (key, value) in old { insert(key, value) }
    }

    @inline(__always)
    private static func hash(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }
}
