import MHHSCore
import MHHSMessages

/// Reads one IF-021 envelope field by field (see ``IF021Decoder``). Fields the MDS does not
/// use are skipped with their syntax checked.
struct IF021MessageReader {
    let position: Int
    /// Where the reader is, for error messages; built into text only when one is raised.
    var path: [PathElement] = []

    enum PathElement {
        case member(String)
        case element(String, Int)

        var text: String {
            switch self {
            case .member(let name): name
            case .element(let name, let index): "\(name)[\(index)]"
            }
        }
    }
    private var reference: String?
    private var sender: String?
    private var role: String?
    private var transactionID: String?
    private var eventCode: String?
    private var interfaceID: String?
    private var mpanText: String?
    private var distributor: String?
    private var group: GSPGroup?
    private var issuingDataService: String?
    private var connectionType: ConnectionType?
    private var connectionTypeFrom: UTCInstant?
    private var quantity: MeasurementQuantity?
    private var days: [ConsumptionDay] = []
    private var sawCustomBlock = false

    init(position: Int) { self.position = position }

    mutating func read(_ cursor: inout JSONCursor) throws(IF021ReadError) -> ConsumptionSubmission {
        try object(&cursor, "") { (reader, key, cursor) throws(IF021ReadError) in
            guard key.equals("payload") else { return false }
            try reader.payload(&cursor)
            return true
        }
        guard interfaceID == "IF-021" else { throw content("CommonBlock.S0.interfaceID", "must be IF-021") }
        guard let eventCode, eventCode == "[ActivePower]" || eventCode == "[ReactivePower]" else {
            throw content("CommonBlock.S0.eventCode", "must be [ActivePower] or [ReactivePower]")
        }
        guard let reference else { throw content("CommonBlock.S1.senderUniqueReference", "is required") }
        guard let sender, let role else { throw content("CommonBlock.S1", "senderDIPID and senderRoleID are required") }
        guard let mpanText else { throw content("CommonBlock.M0.MPANCore", "is required") }
        let mpan: MPAN
        do { mpan = try MPAN(mpanText) } catch { throw content("CommonBlock.M0.MPANCore", error.description) }
        guard sawCustomBlock, let issuingDataService else { throw content("CustomBlock.B044.issuingDataServiceDIPID", "is required") }
        guard connectionType != nil, connectionTypeFrom != nil else {
            throw content("CustomBlock.B067", "connectionTypeIndicator and connectionTypeEffectiveFromDate are required")
        }
        guard let quantity else { throw content("CustomBlock.B900.MQID.measurementQuantityID", "is required") }
        guard !days.isEmpty else { throw content("CustomBlock.B900.settlementDayConsumptionPeriods", "is required") }
        var submission = ConsumptionSubmission(
            position: position, senderUniqueReference: reference, senderDIPID: sender, senderRole: role,
            transactionID: transactionID, eventCode: eventCode, mpan: mpan, distributorDIPID: distributor,
            gspGroup: group, issuingDataService: issuingDataService, connectionType: connectionType,
            measurementQuantity: quantity, days: days)
        submission.connectionTypeEffectiveFrom = connectionTypeFrom
        return submission
    }

    // MARK: Blocks

    private mutating func payload(_ cursor: inout JSONCursor) throws(IF021ReadError) {
        try object(&cursor, "payload") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("CommonBlock") {
                try reader.commonBlock(&cursor)
            } else if key.equals("CustomBlock") {
                reader.sawCustomBlock = true
                try reader.customBlock(&cursor)
            } else {
                return false
            }
            return true
        }
    }

    private mutating func commonBlock(_ cursor: inout JSONCursor) throws(IF021ReadError) {
        try object(&cursor, "CommonBlock") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("S0") {
                try reader.object(&cursor, "S0") { (reader, key, cursor) throws(IF021ReadError) in
                    if key.equals("interfaceID") {
                        reader.interfaceID = try reader.text(&cursor, "interfaceID")
                    } else if key.equals("eventCode") {
                        reader.eventCode = try reader.text(&cursor, "eventCode")
                    } else {
                        return false
                    }
                    return true
                }
            } else if key.equals("S1") {
                try reader.object(&cursor, "S1") { (reader, key, cursor) throws(IF021ReadError) in
                    if key.equals("senderUniqueReference") {
                        reader.reference = try reader.text(&cursor, "senderUniqueReference")
                    } else if key.equals("senderDIPID") {
                        reader.sender = try reader.text(&cursor, "senderDIPID")
                    } else if key.equals("senderRoleID") {
                        reader.role = try reader.text(&cursor, "senderRoleID")
                    } else {
                        return false
                    }
                    return true
                }
            } else if key.equals("D0") {
                try reader.object(&cursor, "D0") { (reader, key, cursor) throws(IF021ReadError) in
                    guard key.equals("transactionID") else { return false }
                    reader.transactionID = try reader.optionalText(&cursor, "transactionID")
                    return true
                }
            } else if key.equals("M0") {
                try reader.m0(&cursor)
            } else {
                return false
            }
            return true
        }
    }

    private mutating func m0(_ cursor: inout JSONCursor) throws(IF021ReadError) {
        try object(&cursor, "M0") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("MPANCore") {
                reader.mpanText = try reader.text(&cursor, "MPANCore")
            } else if key.equals("distributorDIPID") {
                reader.distributor = try reader.optionalText(&cursor, "distributorDIPID")
            } else if key.equals("GSPGroupID") {
                if let text = try reader.optionalText(&cursor, "GSPGroupID") {
                    guard let group = GSPGroup(rawValue: text) else { throw reader.content("GSPGroupID", "unknown GSP group \(text)") }
                    reader.group = group
                }
            } else {
                return false
            }
            return true
        }
    }

    private mutating func customBlock(_ cursor: inout JSONCursor) throws(IF021ReadError) {
        try object(&cursor, "CustomBlock") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("B044") {
                try reader.object(&cursor, "B044") { (reader, key, cursor) throws(IF021ReadError) in
                    guard key.equals("issuingDataServiceDIPID") else { return false }
                    reader.issuingDataService = try reader.text(&cursor, "issuingDataServiceDIPID")
                    return true
                }
            } else if key.equals("B067") {
                try reader.object(&cursor, "B067") { (reader, key, cursor) throws(IF021ReadError) in
                    if key.equals("connectionTypeEffectiveFromDate") {
                        let text = try reader.text(&cursor, "connectionTypeEffectiveFromDate")
                        switch Result(catching: { () throws(TimeError) in try DIPDateTime(text) }) {
                        case .success(let value): reader.connectionTypeFrom = value.instant
                        case .failure(let error): throw reader.content("connectionTypeEffectiveFromDate", error.description)
                        }
                        return true
                    }
                    guard key.equals("connectionTypeIndicator") else { return false }
                    let text = try reader.text(&cursor, "connectionTypeIndicator")
                    guard let type = ConnectionType(rawValue: text) else {
                        throw reader.content("connectionTypeIndicator", "unknown connection type \(text)")
                    }
                    reader.connectionType = type
                    return true
                }
            } else if key.equals("B900") {
                try reader.b900(&cursor)
            } else {
                return false
            }
            return true
        }
    }

    private mutating func b900(_ cursor: inout JSONCursor) throws(IF021ReadError) {
        try object(&cursor, "B900") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("MQID") {
                try reader.object(&cursor, "MQID") { (reader, key, cursor) throws(IF021ReadError) in
                    guard key.equals("measurementQuantityID") else { return false }
                    let text = try reader.text(&cursor, "measurementQuantityID")
                    guard let quantity = MeasurementQuantity(rawValue: text) else {
                        throw reader.content("measurementQuantityID", "unknown measurement quantity \(text)")
                    }
                    reader.quantity = quantity
                    return true
                }
            } else if key.equals("settlementDayConsumptionPeriods") {
                try reader.syntax { () throws(JSONParser.Failure) in try cursor.beginArray() }
                var index = 0
                while try reader.syntax({ () throws(JSONParser.Failure) in try cursor.nextElement() }) {
                    reader.path.append(.element("settlementDayConsumptionPeriods", index))
                    reader.days.append(try reader.day(&cursor))
                    reader.path.removeLast()
                    index += 1
                }
            } else {
                return false
            }
            return true
        }
    }

    // MARK: Helpers

    /// Reads an object, handing each key to `member`; a member it does not take is skipped.
    /// A key seen twice is refused (as ``JSONParser`` refuses it) for the keys `member` takes.
    mutating func object(
        _ cursor: inout JSONCursor, _ name: String,
        _ member: (inout IF021MessageReader, UnsafeBufferPointer<UInt8>, inout JSONCursor) throws(IF021ReadError) -> Bool
    ) throws(IF021ReadError) {
        if !name.isEmpty { path.append(.member(name)) }
        defer { if !name.isEmpty { path.removeLast() } }
        try syntax { () throws(JSONParser.Failure) in try cursor.beginObject() }
        var taken: [UnsafeBufferPointer<UInt8>] = []
        while let key = try syntax({ () throws(JSONParser.Failure) in try cursor.nextKey() }) {
            if try member(&self, key, &cursor) {
                if taken.contains(where: { $0.elementsEqual(key) }) {
                    throw content(String(decoding: key, as: UTF8.self), "appears twice")
                }
                taken.append(key)
            } else {
                try syntax { () throws(JSONParser.Failure) in try cursor.skipValue() }
            }
        }
    }

    mutating func text(_ cursor: inout JSONCursor, _ field: String) throws(IF021ReadError) -> String {
        guard let value = try optionalText(&cursor, field) else { throw content(field, "must not be null") }
        return value
    }

    mutating func optionalText(_ cursor: inout JSONCursor, _ field: String) throws(IF021ReadError) -> String? {
        if cursor.consumeNull() { return nil }
        guard cursor.peek() == UInt8(ascii: "\"") else { throw content(field, "must be a string") }
        return try syntax { () throws(JSONParser.Failure) in try cursor.string() }
    }

    func syntax<T>(_ body: () throws(JSONParser.Failure) -> T) throws(IF021ReadError) -> T {
        do { return try body() } catch { throw .syntax(error) }
    }

    func content(_ field: String, _ reason: String) -> IF021ReadError {
        .content(
            MalformedConsumption(
                position: position, senderUniqueReference: reference, senderDIPID: sender, mpan: mpanText,
                path: (path.map(\.text) + [field]).joined(separator: "."), reason: reason))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are the ASCII text of `literal`.
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        for index in 0..<count where self[index] != literal.utf8Start[index] { return false }
        return true
    }
}
