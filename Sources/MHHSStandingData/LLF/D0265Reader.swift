import Foundation
import MHHSCore
import ZIPFoundation

/// Reads a D0265 file from disk, plain or zipped, through ``D0265Parser`` in fixed-size chunks,
/// so memory stays flat whatever the file's size.
public enum D0265Reader {
    /// How much of the input has been read, for progress bars.
    public struct Progress: Sendable {
        public let bytesRead: Int64
        public let totalBytes: Int64
    }

    static let chunkSize = 4 << 20

    /// Parses `url` (a `.zip` holding one D0265 file, or the file itself), calling `emit` for
    /// each complete day and `progress` after each chunk.
    public static func read(
        _ url: URL,
        progress: (Progress) -> Void = { _ in },
        emit: (LLFDay) throws -> Void
    ) throws -> D0265Parser.Summary {
        var parser = D0265Parser()
        if url.pathExtension.lowercased() == "zip" {
            let archive: Archive
            do { archive = try Archive(url: url, accessMode: .read) } catch {
                throw D0265Error(line: nil, "\(url.lastPathComponent) is not a readable zip archive")
            }
            let entries = archive.filter { $0.type == .file }
            guard entries.count == 1, let entry = entries.first else {
                throw D0265Error(line: nil, "\(url.lastPathComponent) must hold exactly one file; it holds \(entries.count)")
            }
            let total = Int64(entry.uncompressedSize)
            var read: Int64 = 0
            var failure: (any Error)?
            do {
                _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
                    guard failure == nil else { return }
                    do {
                        try data.withUnsafeBytes { try parser.consume($0, emit: emit) }
                    } catch {
                        failure = error
                        return
                    }
                    read += Int64(data.count)
                    progress(Progress(bytesRead: read, totalBytes: total))
                }
            } catch {
                throw failure ?? D0265Error(line: nil, "cannot unzip \(url.lastPathComponent): \(error)")
            }
            if let failure { throw failure }
        } else {
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw D0265Error(line: nil, "cannot open \(url.path)")
            }
            defer { try? handle.close() }
            let total = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
            var read: Int64 = 0
            while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
                try data.withUnsafeBytes { try parser.consume($0, emit: emit) }
                read += Int64(data.count)
                progress(Progress(bytesRead: read, totalBytes: total))
            }
        }
        return try parser.finish(emit: emit)
    }
}
