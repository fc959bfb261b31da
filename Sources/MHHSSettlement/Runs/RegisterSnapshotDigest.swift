import Crypto
import MHHSCore
import MHHSRegistration

/// A SHA-256 over the register columns the VAS reads, so a manifest pins the register state a
/// run saw.
enum RegisterSnapshotDigest {
    static func sha256(_ snapshot: RegisterSnapshot) -> String {
        var hasher = SHA256()
        func add<T>(_ column: [T]) { column.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        add(snapshot.mpans)
        add(snapshot.supplier)
        add(snapshot.distributor)
        add(snapshot.llfClass)
        add(snapshot.marketSegment)
        add(snapshot.connectionType)
        add(snapshot.energyDirection)
        add(snapshot.energisation)
        add(snapshot.arrangement)
        add(snapshot.annualConsumptionWh)
        hasher.update(data: Array((snapshot.participants.map(\.value) + ["|"] + snapshot.llfClasses).joined(separator: ",").utf8))
        return Array(hasher.finalize()).hexString
    }
}
