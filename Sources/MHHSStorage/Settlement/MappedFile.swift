import Foundation
import MHHSSettlement

#if canImport(Glibc)
    import Glibc
#endif

/// Memory-maps segment files read-only.
public enum MappedFile {
    /// Maps the file at `path` as a segment; the mapping is released with the segment.
    public static func segment(at path: String) throws -> SPSegment {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError.current("open \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXError.current("stat \(path)") }
        let size = Int(status.st_size)
        guard size > 0 else { throw SPSegmentError(file: path, reason: "empty file") }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapping != MAP_FAILED else {
            throw POSIXError.current("mmap \(path)")
        }
        // The VAS reads each segment front to back once.
        madvise(mapping, size, MADV_SEQUENTIAL)
        madvise(mapping, size, MADV_WILLNEED)
        return try SPSegment(base: UnsafeRawPointer(mapping), byteCount: size, name: path) { pointer, count in
            munmap(UnsafeMutableRawPointer(mutating: pointer), count)
        }
    }
}
