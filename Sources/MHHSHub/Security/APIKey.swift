import Crypto
import Foundation
import MHHSCore

/// API keys: 256 random bits shown to the participant once; the hub keeps only their SHA-256.
///
/// A fast hash is right here (unlike for passwords): the key is random and long, so there is
/// nothing to guess, and the hub checks a key on every call.
public enum APIKey {
    /// A new key, `mhhs_` and 64 hex digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "mhhs_" + bytes.hexString
    }

    /// The stored form of a key.
    public static func hash(_ key: String) -> String { Array(SHA256.hash(data: Data(key.utf8))).hexString }
}
