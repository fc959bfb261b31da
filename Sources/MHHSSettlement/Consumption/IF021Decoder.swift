import MHHSCore
import MHHSMessages

/// Reads IF-021 messages from bytes without building a JSON tree: the ingest hot path
/// (≥ 1 M values/s from files). Accepts a JSON array of DIP envelopes (as the hub and the
/// specification send them) or JSON Lines (one envelope, or one array of them, per line).
///
/// A JSON syntax error anywhere refuses the whole input (nothing can be trusted about where
/// messages begin); a message whose content is malformed becomes a ``MalformedConsumption``
/// and the rest are still read.
public enum IF021Decoder {
    public enum Item: Sendable {
        case submission(ConsumptionSubmission)
        case malformed(MalformedConsumption)
    }

    /// Decodes every message in `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(JSONParser.Failure) -> [Item] {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParser.Failure) -> [Item] in try decode(buffer) }
        }
        return try result.get()
    }

    public static func decode(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParser.Failure) -> [Item] {
        var chunks = Chunks(buffer)
        var items: [Item] = []
        while let chunk = try chunks.next(maximum: .max) { items += chunk }
        return items
    }

    /// Reads the messages of a buffer a chunk at a time, so a caller can work on one chunk (read
    /// the register for it) while the next is decoded. The buffer must outlive the reader.
    public struct Chunks {
        private var cursor: JSONCursor
        private var insideArray = false
        private var count = 0

        public init(_ buffer: UnsafeBufferPointer<UInt8>) { cursor = JSONCursor(buffer) }

        /// Up to `maximum` more messages, or nil at the end of the input.
        public mutating func next(maximum: Int) throws(JSONParser.Failure) -> [Item]? {
            var items: [Item] = []
            while items.count < maximum {
                if insideArray {
                    guard try cursor.nextElement() else {
                        insideArray = false
                        continue
                    }
                    items.append(try message(&cursor, position: count))
                    count += 1
                    continue
                }
                guard let first = cursor.peek() else { break }
                if first == UInt8(ascii: "[") {
                    try cursor.beginArray()
                    insideArray = true
                } else {
                    items.append(try message(&cursor, position: count))
                    count += 1
                }
            }
            return items.isEmpty ? nil : items
        }
    }

    /// Reads one envelope; content errors are caught here and the envelope skipped.
    private static func message(_ cursor: inout JSONCursor, position: Int) throws(JSONParser.Failure) -> Item {
        let start = cursor
        var reader = IF021MessageReader(position: position)
        let outcome: Result<ConsumptionSubmission, IF021ReadError> = Result { () throws(IF021ReadError) in
            try reader.read(&cursor)
        }
        switch outcome {
        case .success(let submission):
            return .submission(submission)
        case .failure(.content(let malformed)):
            cursor = start
            try cursor.skipValue()
            return .malformed(malformed)
        case .failure(.syntax(let failure)):
            throw failure
        }
    }
}

/// Why reading one message stopped.
enum IF021ReadError: Error {
    case syntax(JSONParser.Failure)
    case content(MalformedConsumption)
}
