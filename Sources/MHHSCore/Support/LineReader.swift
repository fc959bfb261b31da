import Foundation

/// Reads a text file line by line in large chunks, without loading it whole: for imports of
/// files with tens of millions of rows. Handles LF and CRLF; a last line without a line end
/// is still a line.
public struct LineReader {
    static let chunkSize = 8 << 20

    /// Calls `body` with each line's bytes (without the line end) and its 1-based number.
    /// `progress` gets the bytes read so far and the file size after each chunk.
    public static func forEachLine(
        in url: URL,
        progress: (Int64, Int64) -> Void = { _, _ in },
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? handle.close() }
        let total = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
        var carry: [UInt8] = []
        var lineNumber = 0
        var read: Int64 = 0
        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            var line = line
            if line.last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            try body(line, lineNumber)
        }
        while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                    if carry.isEmpty {
                        try emit(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    } else {
                        carry.append(contentsOf: bytes[start..<index])
                        try carry.withUnsafeBufferPointer { try emit($0) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = index + 1
                }
                if start < bytes.count { carry.append(contentsOf: bytes[start...]) }
            }
            read += Int64(data.count)
            progress(read, total)
        }
        if !carry.isEmpty { try carry.withUnsafeBufferPointer { try emit($0) } }
    }

    /// Splits one CSV line into fields: commas, with double-quoted fields (`""` inside for a
    /// quote). Returns nil for an unterminated quote.
    public static func csvFields(_ line: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard line.contains(UInt8(ascii: "\"")) else {
            return line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        while index < line.count {
            let byte = line[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                inQuotes = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard !inQuotes else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
