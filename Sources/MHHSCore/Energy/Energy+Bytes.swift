extension Energy {
    /// Parses a DIP kWh value (`^-?\d{1,9}\.\d{3}$`, DT-016) from bytes into whole Wh without
    /// allocating; nil when the text does not match exactly.
    @inline(__always)
    public static func watthours(kilowatthourBytes bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = bytes.count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        let count = bytes.count
        // Whole digits (1–9), a point, then exactly three decimals.
        let wholeDigits = count - index - 4
        guard (1...9).contains(wholeDigits), bytes[count - 4] == UInt8(ascii: ".") else { return nil }
        var value: Int64 = 0
        while index < count - 4 {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        for offset in (count - 3)..<count {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return negative ? -value : value
    }
}
