import MHHSCore
import MHHSMessages

/// Turns the DIP messages the Registration Service receives into requests: IF-005
/// `[MeterInstall]`, IF-007, IF-025 `[SSCandProfileClass]`, IF-031, IF-034 and IF-040.
public enum RegistrationInbound {
    /// The interfaces this translator accepts.
    public static let interfaces: Set<String> = ["IF-005", "IF-007", "IF-025", "IF-031", "IF-034", "IF-040"]

    /// The request a message carries. `segment` is the metering point's current segment (an
    /// IF-031 names the provider, not its role); `pending` its appointment requests (an IF-034
    /// answers one of them).
    public static func request(
        from message: DIPMessage, segment: MarketSegment?, pending: [PendingAppointment]
    ) throws(RegistrationError) -> RegistrationRequest {
        let common = message.payload.CommonBlock
        let custom = message.payload.CustomBlock
        guard let core = common.M0?.MPANCore else { throw .missing("the message has no M0 MPAN core") }
        let mpan: MPAN
        do { mpan = try MPAN(core) } catch { throw .malformed(error.description) }
        let event = String(common.S0.eventCode.dropFirst().dropLast())
        func text(_ block: String, _ field: String) throws(RegistrationError) -> String {
            guard let value = custom[block]?[field]?.stringValue else { throw .missing("\(block).\(field) is required") }
            return value
        }
        func date(_ block: String, _ field: String) throws(RegistrationError) -> SettlementDate {
            let value = try text(block, field)
            do { return LocalSettlementPeriod(containing: try DIPDateTime(value).instant).date } catch {
                throw .malformed(error.description)
            }
        }
        func mpid(_ block: String, _ field: String) throws(RegistrationError) -> MPID {
            do { return try MPID(try text(block, field)) } catch { throw .malformed("\(block).\(field): \(error)") }
        }
        switch (common.S0.interfaceID, event) {
        case ("IF-007", "EnergisationStatusChange"):
            let status: EnergisationStatus
            do { status = try EnergisationStatus(code: try text("B025", "energisationStatus")) } catch { throw .malformed("\(error)") }
            return .change(
                DataItemChange(
                    mpan: mpan, effectiveFrom: try date("B025", "energisationStatusEffectiveFromDate"), item: .energisation(status)))
        case ("IF-005", "MeterInstall"):
            guard let details = custom["B906"] else { throw .missing("B906 is required") }
            guard let installed = details["existingMeter"]?["meterInstallationDate"]?.stringValue,
                let instant = try? DIPDateTime(installed).instant
            else { throw .missing("B906.existingMeter.meterInstallationDate is required") }
            return .change(
                DataItemChange(
                    mpan: mpan, effectiveFrom: LocalSettlementPeriod(containing: instant).date, item: .meterTechnicalDetails(details)))
        case ("IF-025", "SSCandProfileClass"):
            let profileClass = custom["B032"]?["profileClass"]?.stringValue.flatMap { Int($0) }
            let ssc = custom["B032"]?["SSC"]?.stringValue
            let effective = ssc != nil ? try date("B032", "SSCEffectiveFromDate") : try date("B032", "profileClassEffectiveFromDate")
            return .change(DataItemChange(mpan: mpan, effectiveFrom: effective, item: .legacyProfile(profileClass: profileClass, ssc: ssc)))
        case ("IF-040", "AnnualConsumption"):
            let value: Energy
            do { value = try Energy(dipKWh: try text("B059", "annualConsumption")) } catch { throw .malformed("\(error)") }
            let consumption = AnnualConsumption(energy: value, quality: try text("B059", "annualConsumptionQualityIndicator"))
            return .change(
                DataItemChange(
                    mpan: mpan, effectiveFrom: try date("B059", "annualConsumptionEffectiveFromDate"), item: .annualConsumption(consumption)
                ))
        case ("IF-031", "DSApp"), ("IF-031", "MSApp"):
            let dataService = event == "DSApp"
            let block = dataService ? "B071" : "B070"
            let prefix = dataService ? "proposedDataService" : "proposedMeteringService"
            guard let segment else { throw .unknownMPAN(mpan.description) }
            return .appointment(
                AppointmentRequest(
                    mpan: mpan, role: dataService ? .dataService(for: segment) : .meteringService(for: segment),
                    provider: try mpid(block, "\(prefix)MPID"), effectiveFrom: try date(block, "\(prefix)DIPEffectiveFromDate"),
                    scenario: try text(block, "appointmentScenario"),
                    contractReference: custom[block]?[dataService ? "contractReferenceDataService" : "contractReferenceMeteringService"]?
                        .stringValue,
                    consentGranularity: custom[block]?["supplierProposedConsentGranularity"]?.stringValue ?? "H"))
        case ("IF-034", "DSAppSPResponse"), ("IF-034", "MSAppSPResponse"):
            let dataService = event == "DSAppSPResponse"
            let block = dataService ? "B071" : "B070"
            let prefix = dataService ? "proposedDataService" : "proposedMeteringService"
            let provider = try mpid(block, "\(prefix)MPID")
            let effective = try date(block, "\(prefix)DIPEffectiveFromDate")
            guard
                let appointment = pending.last(where: {
                    $0.status == .pending && $0.provider == provider && $0.effectiveFrom == effective && ($0.kind == "DS") == dataService
                })
            else { throw RegistrationError("REG0014", "no pending appointment of \(provider) from \(effective) for \(mpan)") }
            let code = try text("B007", "responseCode")
            guard code == "A" || code == "R" else { throw .malformed("B007.responseCode '\(code)' is neither A nor R") }
            return .appointmentResponse(
                AppointmentResponse(
                    mpan: mpan, appointmentID: appointment.id, accepted: code == "A",
                    responseCode: custom["B007"]?["proposedAppointmentResponseCode"]?.stringValue ?? (code == "A" ? "SP000" : "")))
        default:
            throw .malformed("the Registration Service does not take \(common.S0.interfaceID) \(common.S0.eventCode)")
        }
    }
}

extension RegistrationService {
    /// Handles one DIP message from an authenticated sender: translates it
    /// (``RegistrationInbound``) and runs the request, both inside the MPAN's transaction, so the
    /// segment and appointment requests it is read against are the ones the decision sees.
    @discardableResult
    public func submit(_ message: DIPMessage, from sender: RequestSender) async throws -> RegistrationOutcome {
        guard let core = message.payload.CommonBlock.M0?.MPANCore, let mpan = try? MPAN(core) else {
            throw RegistrationError.missing("the message has no valid M0 MPAN core")
        }
        let context = makeContext(now: clock())
        let today = LocalSettlementPeriod(containing: context.now).date
        return try await repository.update(mpan) { record in
            let segment = MeteringPointView(mpan: mpan, assertions: record.history, on: today, asKnownAt: context.now)?.facts.marketSegment
            let request = try RegistrationInbound.request(from: message, segment: segment, pending: record.appointments)
            return try RegistrationProcess.handle(
                request, from: sender, history: record.history, appointments: record.appointments, context: context)
        }
    }
}
