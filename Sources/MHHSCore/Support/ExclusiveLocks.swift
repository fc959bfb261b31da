/// Named locks held across every process sharing one store, for work that must not run twice
/// at once (a day's migration run). Not waiting: a held lock is refused at once, so a second
/// operator learns that the work is already under way rather than queueing a repeat of it.
/// A holder that dies releases its locks (the store ends its session or file lock).
public protocol ExclusiveLocks: Sendable {
    func withLock<Result: Sendable>(_ name: String, _ body: () async throws -> Result) async throws -> Result
}

/// The lock is held by another process (or another task of this one).
public struct LockHeld: Error, Equatable, Sendable, CustomStringConvertible {
    public let name: String

    public init(name: String) { self.name = name }

    public var description: String {
        "'\(name)' is already running on another instance of the central system; try again when it has finished"
    }
}
