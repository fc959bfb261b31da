import Foundation
import MHHSCore

/// Where the demo's time went, phase by phase (summed over days), so a slow run says which
/// service to look at.
public final class DemoStopwatch: @unchecked Sendable {
    private let lock = NSLock()
    private var totals: [String: Duration] = [:]
    private var order: [String] = []

    public init() {}

    public func time<T>(_ phase: String, _ body: () async throws -> T) async rethrows -> T {
        let started = ContinuousClock.now
        defer { add(phase, ContinuousClock.now - started) }
        return try await body()
    }

    public func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let started = ContinuousClock.now
        defer { add(phase, ContinuousClock.now - started) }
        return try body()
    }

    /// Each phase with its total, in the order the phases first ran.
    public var phases: [(phase: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return order.map { ($0, totals[$0]!.seconds) }
    }

    private func add(_ phase: String, _ elapsed: Duration) {
        lock.lock()
        defer { lock.unlock() }
        if totals[phase] == nil { order.append(phase) }
        totals[phase, default: .zero] += elapsed
    }
}
