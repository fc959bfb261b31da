import MHHSCore
import MHHSSettlement

/// The unmetered data service's day: each MPAN's inventory through the equivalent meter at its
/// GSP group's representative location, as one IF-021 per MPAN (AI, quality `E` [C]).
/// [A] MDS refuses an estimate without a reason (ECS1015), and DI-076 has none for unmetered
/// supplies: we send 10 (NonSmart). A de-energised UMS MPAN is submitted as zeros (reason 7).
public struct UMSDataService: Sendable {
    public var run: DataServiceRun
    public var chargeCodes: ChargeCodeTable
    public var regimes: SwitchRegimeTable

    public init(run: DataServiceRun, chargeCodes: ChargeCodeTable = ChargeCodeTable(), regimes: SwitchRegimeTable = .standard) {
        self.run = run
        self.chargeCodes = chargeCodes
        self.regimes = regimes
    }

    public func run(day: UTCDay, inventory: UMSInventory, profiles: [MPAN: MeteringPointProfile], at instant: UTCInstant)
        -> DataServiceRun.Output
    {
        var submissions: [ConsumptionSubmission] = []
        var findings: [Finding] = []
        for mpan in inventory.mpans {
            guard let profile = profiles[mpan] else {
                findings.append(Finding(mpan: mpan, kind: .notInRegister, detail: "no registration on \(day)"))
                continue
            }
            guard profile.marketSegment == .unmetered else {
                findings.append(
                    Finding(mpan: mpan, kind: .wrongSegment, detail: "segment \(profile.marketSegment.rawValue) is not served by the umsds")
                )
                continue
            }
            let meter: EquivalentMeter
            do {
                meter = try EquivalentMeter(
                    items: inventory.items(for: mpan), gspGroup: profile.gspGroup, chargeCodes: chargeCodes, regimes: regimes)
            } catch {
                findings.append(Finding(mpan: mpan, kind: .inventory, detail: error.description))
                continue
            }
            let consumption = meter.consumption(on: day)
            let code = run.service.code(for: profile.energised ? .annualConsumption : .deEnergised)
            let periods = consumption.periods.enumerated().map { slot, energy in
                ConsumptionPeriod(
                    end: day.periodEnd(slot: slot), energyWh: profile.energised ? energy.wattHours : 0, quality: code,
                    estimationReason: profile.energised ? 10 : 7)
            }
            submissions.append(run.submission(profile: profile, quantity: .activeImport, day: day, periods: periods, at: instant, tag: "u"))
        }
        return DataServiceRun.Output(submissions: submissions, findings: findings)
    }
}
