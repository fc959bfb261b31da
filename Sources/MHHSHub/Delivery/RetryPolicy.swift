/// When to try a failed push again: exponential backoff from `initialSeconds`, doubling per
/// attempt, capped at `maximumSeconds` [A] (1 s, 2 s, 4 s … 1 h). Nothing is ever dropped: a
/// message waits until the recipient takes it or pulls it.
public struct RetryPolicy: Hashable, Sendable {
    public var initialSeconds: Int64
    public var maximumSeconds: Int64

    public init(initialSeconds: Int64 = 1, maximumSeconds: Int64 = 3_600) {
        self.initialSeconds = initialSeconds
        self.maximumSeconds = maximumSeconds
    }

    /// The wait after the `attempt`-th failure (1-based).
    public func delay(afterAttempt attempt: Int) -> Int64 {
        let doublings = min(max(attempt - 1, 0), 40)
        let (delay, overflow) = initialSeconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? maximumSeconds : min(delay, maximumSeconds)
    }
}
