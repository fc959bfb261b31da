import Foundation
import Synchronization

/// Runs a synchronous producer on a thread of its own and hands what it yields to async code,
/// holding at most `limit` items in between.
///
/// Bulk loads parse files synchronously; a PostgreSQL COPY consumes asynchronously. Running
/// the parser on a dedicated thread keeps it off the cooperative pool (2 threads on these
/// machines), and the bound keeps a 30 M-row load from sitting whole in memory.
final class ProducerThread<Element: Sendable>: Sendable {
    private let slots: DispatchSemaphore
    private let limit: Int
    private let cancelled = Mutex(false)
    let stream: AsyncThrowingStream<Element, any Error>

    init(limit: Int = 4, _ produce: @escaping @Sendable (_ yield: (Element) throws -> Void) throws -> Void) {
        let slots = DispatchSemaphore(value: limit)
        let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream()
        self.slots = slots
        self.limit = limit
        self.stream = stream
        Thread.detachNewThread { [self] in
            do {
                try produce { element in
                    slots.wait()
                    if self.cancelled.withLock({ $0 }) { throw CancellationError() }
                    continuation.yield(element)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    /// The consumer has finished with one item: the producer may make another.
    func consumed() { slots.signal() }

    /// Stops the producer at its next item (call when the consumer gives up).
    func cancel() {
        cancelled.withLock { $0 = true }
        for _ in 0..<limit { slots.signal() }
    }
}
