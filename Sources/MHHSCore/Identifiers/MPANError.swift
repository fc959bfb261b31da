/// Why a text is not a valid MPAN core, legacy MPAN or MHHS supply number.
public enum MPANError: Error, Equatable, Sendable, CustomStringConvertible {
    case length(text: String, expected: Int, found: Int)
    case nonDigit(text: String, position: Int)
    case checkDigit(core: String, expected: Int, found: Int)
    case uniqueNumberOutOfRange(Int64)
    case unknownDistributor(Int)

    public var description: String {
        switch self {
        case .length(let text, let expected, let found):
            "'\(text)' has \(found) characters; expected \(expected) digits"
        case .nonDigit(let text, let position):
            "'\(text)' has a non-digit at position \(position)"
        case .checkDigit(let core, let expected, let found):
            "'\(core)' has check digit \(found); expected \(expected)"
        case .uniqueNumberOutOfRange(let number):
            "unique number \(number) does not fit in 10 digits"
        case .unknownDistributor(let id):
            "distributor id \(id) is not a known distributor (10–99)"
        }
    }
}
