import MHHSCore
import MHHSMessages

/// One IF-027 request (B073): the supplier's revised gross consumption for a span of half
/// hours, with its reason.
public struct ConsumptionAmendment: Sendable, Hashable {
    public var supplierReference: String?
    /// The span's start and end instants: the half hours ending in (start, end] are amended.
    public var start: UTCInstant
    public var end: UTCInstant
    public var grossRevisedWh: Int64
    /// DI-166: `A`, `E`, `M`, `R`, `S`, `T` or `X`.
    public var reason: String?
}

/// An IF-027 message as a data service reads it.
public struct AmendmentRequest: Sendable, Hashable {
    public var senderUniqueReference: String
    public var supplierDIPID: String
    public var mpan: MPAN
    public var distributorDIPID: String?
    public var gspGroup: String?
    public var quantity: MeasurementQuantity
    public var amendments: [ConsumptionAmendment]

    /// Reads one IF-027 (`{"payload": …}`); a missing or malformed field is an error naming it.
    public init(message: JSONValue) throws(AmendmentError) {
        let common = message["payload"]?["CommonBlock"]
        let custom = message["payload"]?["CustomBlock"]
        func text(_ value: JSONValue?, _ path: String) throws(AmendmentError) -> String {
            guard let text = value?.stringValue else { throw AmendmentError(path: path, reason: "missing") }
            return text
        }
        guard try text(common?["S0"]?["interfaceID"], "CommonBlock.S0.interfaceID") == "IF-027" else {
            throw AmendmentError(path: "CommonBlock.S0.interfaceID", reason: "must be IF-027")
        }
        senderUniqueReference = try text(common?["S1"]?["senderUniqueReference"], "CommonBlock.S1.senderUniqueReference")
        supplierDIPID = try text(common?["S1"]?["senderDIPID"], "CommonBlock.S1.senderDIPID")
        do { mpan = try MPAN(try text(common?["M0"]?["MPANCore"], "CommonBlock.M0.MPANCore")) } catch let error as AmendmentError {
            throw error
        } catch { throw AmendmentError(path: "CommonBlock.M0.MPANCore", reason: "\(error)") }
        distributorDIPID = common?["M0"]?["distributorDIPID"]?.stringValue
        gspGroup = common?["M0"]?["GSPGroupID"]?.stringValue
        guard case .array(let list)? = custom?["B902List"], list.count == 1, let entry = list.first else {
            throw AmendmentError(path: "CustomBlock.B902List", reason: "expected one MQ entry")
        }
        let mq = try text(entry["MQID"]?["measurementQuantityID"], "CustomBlock.B902List[0].MQID.measurementQuantityID")
        guard let quantity = MeasurementQuantity(rawValue: mq) else {
            throw AmendmentError(path: "CustomBlock.B902List[0].MQID.measurementQuantityID", reason: "\(mq) is not an MQ")
        }
        self.quantity = quantity
        guard case .array(let requests)? = entry["supplierConsumptionAmendmentRequests"], !requests.isEmpty else {
            throw AmendmentError(path: "CustomBlock.B902List[0].supplierConsumptionAmendmentRequests", reason: "missing or empty")
        }
        var amendments: [ConsumptionAmendment] = []
        for (index, request) in requests.enumerated() {
            let path = "CustomBlock.B902List[0].supplierConsumptionAmendmentRequests[\(index)]"
            func instant(_ field: String) throws(AmendmentError) -> UTCInstant {
                let value = try text(request[field], "\(path).\(field)")
                do { return try DIPDateTime(value).instant } catch { throw AmendmentError(path: "\(path).\(field)", reason: "\(error)") }
            }
            let gross = try text(request["grossRevisedConsumption"], "\(path).grossRevisedConsumption")
            let wattHours: Int64
            do { wattHours = try DecimalText.parse(gross, integerDigits: 9, fractionDigits: 3) } catch {
                throw AmendmentError(path: "\(path).grossRevisedConsumption", reason: "\(error)")
            }
            amendments.append(
                ConsumptionAmendment(
                    supplierReference: request["consumptionAmendmentSupplierReference"]?.stringValue,
                    start: try instant("consumptionAmendmentPeriodStartDate"), end: try instant("consumptionAmendmentPeriodEndDate"),
                    grossRevisedWh: wattHours, reason: request["arc"]?.stringValue))
        }
        self.amendments = amendments
    }
}

public struct AmendmentError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "IF-027 \(path): \(reason)" }
}
