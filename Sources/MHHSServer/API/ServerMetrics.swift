import CoreMetrics
import Foundation
import Prometheus

/// The server's metrics through swift-metrics, exported in Prometheus' text format at
/// `/metrics`: requests by route and status with their latency, refusals, run durations (the
/// hub counts the messages it accepts and delivers the same way).
public struct ServerMetrics: Sendable {
    /// The registry `/metrics` renders: the process's one (swift-metrics has one factory per
    /// process, so a second registry would see nothing).
    public var registry: PrometheusCollectorRegistry { Self.shared }

    public init() {}

    /// One registry per process, as swift-metrics has one factory per process.
    public static let shared = PrometheusCollectorRegistry()

    /// Makes swift-metrics report into `shared`; once per process (later calls do nothing).
    public static func bootstrap() { _ = bootstrapped }
    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: shared))
        return true
    }()

    func request(method: String, route: String, status: Int, seconds: Double) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "mhhs_http_requests_total", dimensions: dimensions).increment()
        Timer(label: "mhhs_http_request_duration_seconds", dimensions: [("method", method), ("route", route)])
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    func denied() { Counter(label: "mhhs_http_requests_denied_total").increment() }

    func settlementRun(type: String, seconds: Double) {
        Timer(label: "mhhs_settlement_run_duration_seconds", dimensions: [("run", type)]).recordNanoseconds(Int64(seconds * 1e9))
    }

    func migrationRun(seconds: Double) {
        Timer(label: "mhhs_migration_run_duration_seconds").recordNanoseconds(Int64(seconds * 1e9))
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
