import MHHSCore

/// A registration rejection with a stable code, as the REGS returns it.
///
/// Codes (docs/REGISTRATION.md lists them all): `REG0001` a field is malformed, `REG0002` the
/// GSP group does not match the MPAN's distributor or its earlier registration, `REG0003` the
/// data-service role does not match the market segment, `REG0004` a required field is missing,
/// `REG0005` unknown MPAN, `REG0006` the sender is not the registered supplier, `REG0007` a
/// duplicate row or request.
public struct RegistrationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func malformed(_ message: String) -> Self { Self("REG0001", message) }
    public static func groupMismatch(_ message: String) -> Self { Self("REG0002", message) }
    public static func roleMismatch(_ message: String) -> Self { Self("REG0003", message) }
    public static func missing(_ message: String) -> Self { Self("REG0004", message) }
    public static func unknownMPAN(_ mpan: String) -> Self { Self("REG0005", "MPAN \(mpan) is not registered") }
    public static func notRegisteredSupplier(_ message: String) -> Self { Self("REG0006", message) }
    public static func duplicate(_ message: String) -> Self { Self("REG0007", message) }

    public var description: String { "\(code) \(message)" }
}
