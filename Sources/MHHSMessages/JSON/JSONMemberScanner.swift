/// Finds where an object's members lie in JSON text that has already been parsed (so is
/// well formed), without building their values: the hub rewrites one small block of a large
/// message and copies the rest byte for byte.
public struct JSONMemberScanner {
    public struct Member: Sendable {
        public let key: String
        /// From the key's opening quote to the end of the value: the whole `"key": value`.
        public let range: Range<Int>
        public let value: Range<Int>
    }

    let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The members of the object whose text is `range` (which must start with `{`).
    public func members(of range: Range<Int>) -> [Member] {
        var index = range.lowerBound + 1
        var members: [Member] = []
        while true {
            skipWhitespace(&index)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: "\"") else { return members }
            let keyStart = index
            let keyEnd = endOfString(from: index)
            let key = (try? JSONParser.parse(bytes[keyStart..<keyEnd]).stringValue) ?? nil
            index = keyEnd
            skipWhitespace(&index)
            index += 1  // ':'
            skipWhitespace(&index)
            let valueStart = index
            index = endOfValue(from: index)
            members.append(Member(key: key ?? "", range: keyStart..<index, value: valueStart..<index))
            skipWhitespace(&index)
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ",") else { return members }
            index += 1
        }
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    /// The index just after the string that starts (with its quote) at `start`.
    private func endOfString(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return index
    }

    /// The index just after the value that starts at `start`.
    private func endOfValue(from start: Int) -> Int {
        var index = start
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index = endOfString(from: index)
                if depth == 0 { return index }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return index
    }
}
