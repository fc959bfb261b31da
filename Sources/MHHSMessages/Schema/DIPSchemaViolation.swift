/// Why a DIP message does not conform to Elexon's DIP API specification: the first failing
/// field and what is wrong with it.
///
/// `path` names the field from the message root, keys joined by `.` and array positions in
/// brackets (`payload.CustomBlock.B044.MPANCore`, `payload.CustomBlock.B090List[2].MPAN`); for a
/// missing required field it names the field that is missing. It is empty when the message
/// itself is at fault (not an object).
public struct DIPSchemaViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// A violation found below the point of call, with its path collected while the recursion
/// unwinds (so a valid message never builds a path).
struct SchemaFailure {
    enum Step {
        case key(String)
        case index(Int)
    }

    /// Innermost step first.
    var reversedPath: [Step]
    var reason: String

    init(_ reason: String, at step: Step? = nil) {
        self.reason = reason
        self.reversedPath = step.map { [$0] } ?? []
    }

    var path: String {
        var text = ""
        for step in reversedPath.reversed() {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    func violation() -> DIPSchemaViolation { DIPSchemaViolation(path: path, reason: reason) }
}
