import Foundation
import MHHSStandingData

/// Packs a day's line loss factors into a blob: per period, the scaled value as 4 bytes
/// little-endian then its decimal count as 1 byte. Exact, and a fifth of the size of a row
/// per period.
enum LLFBlob {
    static let bytesPerFactor = 5

    static func encode(_ factors: [LineLossFactor]) -> Data {
        var data = Data(capacity: factors.count * bytesPerFactor)
        for factor in factors {
            withUnsafeBytes(of: factor.scaled.littleEndian) { data.append(contentsOf: $0) }
            data.append(factor.decimals)
        }
        return data
    }

    static func decode(_ data: Data) -> [LineLossFactor]? {
        guard data.count % bytesPerFactor == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: bytesPerFactor).map { offset in
            let raw =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            return LineLossFactor(scaled: Int32(bitPattern: raw), decimals: min(bytes[offset + 4], 6))
        }
    }
}
