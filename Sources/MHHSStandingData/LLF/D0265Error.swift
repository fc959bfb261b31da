/// Why a D0265 line-loss-factor file was rejected, with the line where it went wrong.
public struct D0265Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line, or nil for a whole-file problem.
    public let line: Int?
    public let message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "D0265 line \($0): \(message)" } ?? "D0265: \(message)" }
}
