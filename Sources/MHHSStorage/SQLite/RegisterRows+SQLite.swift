import GRDB
import MHHSCore
import MHHSRegistration

extension RegisterRows {
    /// Binds an assertion to a statement prepared from ``insertSQL``.
    static func bind(_ assertion: RegisterAssertion, sequence: Int64, to binder: SQLiteBinder) {
        for (offset, value) in values(assertion, sequence: sequence).enumerated() {
            switch value {
            case .text(let text): binder.bind(Int32(offset + 1), text)
            case .int(let number): binder.bind(Int32(offset + 1), number)
            }
        }
    }
}

extension Row: RegisterColumnSource {
    func text(_ index: Int) throws -> String? { self[index] }
    func int(_ index: Int) throws -> Int64? { self[index] }
}
