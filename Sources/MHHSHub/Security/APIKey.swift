import Crypto
import Foundation

/// API keys: 256 random bits shown to the participant once; the hub keeps only their SHA-256.
///
/// A fast hash is right here (unlike for passwords): the key is random and long, so there is
/// nothing to guess, and the hub checks a key on every call.
public enum APIKey {
    /// A new key, `mhhs_` and 64 hex digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "mhhs_" + hex(bytes)
    }

    /// The stored form of a key.
    public static func hash(_ key: String) -> String { hex(Array(SHA256.hash(data: Data(key.utf8)))) }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
