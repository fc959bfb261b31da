import MHHSCore
import Testing

@testable import MHHSDataServices

@Suite("Unmetered supplies: sun, regimes, equivalent meter, burning hours")
struct UMSTests {
    static let london = GSPGroupLocation.representative(of: .london).solarCalculator
    static let duskToDawn = try! SwitchRegimeTable.standard.regime(for: SwitchRegimeCode("821"))
    static let duskToMidnight = try! SwitchRegimeTable.standard.regime(for: SwitchRegimeCode("822"))
    static let partNight = try! SwitchRegimeTable.standard.regime(for: SwitchRegimeCode("823"))
    static let continuous = try! SwitchRegimeTable.standard.regime(for: SwitchRegimeCode("999"))

    static func day(_ year: Int, _ month: Int, _ day: Int) throws -> UTCDay {
        UTCDay(dayNumber: try SettlementDate(year: year, month: month, day: day).dayNumber)
    }

    static func at(_ day: UTCDay, _ hour: Int, _ minute: Int, _ second: Int = 0) -> UTCInstant {
        day.midnight.adding(seconds: Int64(hour * 3_600 + minute * 60 + second))
    }

    // MARK: Sun

    /// Published London (51.51 N, 0.13 W) times in UTC, to the minute (BST 04:43 / 21:21 in June).
    @Test(
        "London sunrise and sunset within 2 minutes of published times",
        arguments: [(6, 21, 3, 43, 20, 21), (12, 21, 8, 4, 15, 53)] as [(Int, Int, Int, Int, Int, Int)])
    func londonSunriseSunset(month: Int, day: Int, riseHour: Int, riseMinute: Int, setHour: Int, setMinute: Int) throws {
        let utcDay = try Self.day(2026, month, day)
        let sunrise = try #require(Self.london.sunrise(on: utcDay))
        let sunset = try #require(Self.london.sunset(on: utcDay))
        #expect(abs(sunrise.secondsSinceEpoch - Self.at(utcDay, riseHour, riseMinute).secondsSinceEpoch) <= 120)
        #expect(abs(sunset.secondsSinceEpoch - Self.at(utcDay, setHour, setMinute).secondsSinceEpoch) <= 120)
    }

    @Test("every GSP group's place: events inside the UTC day, solstice day lengths", arguments: GSPGroup.allCases)
    func groupLocations(group: GSPGroup) throws {
        let sun = GSPGroupLocation.representative(of: group).solarCalculator
        for (utcDay, hours) in [(try Self.day(2026, 6, 21), 16...19), (try Self.day(2026, 12, 21), 6...8)] {
            let sunrise = try #require(sun.sunrise(on: utcDay))
            let sunset = try #require(sun.sunset(on: utcDay))
            #expect(sunrise > utcDay.midnight && sunset < utcDay.midnight.adding(seconds: 86_400))
            #expect(hours.contains(Int((sunset.secondsSinceEpoch - sunrise.secondsSinceEpoch) / 3_600)))
        }
    }

    @Test("polar day and night have no sunrise or sunset; dusk to dawn is then off or on all day")
    func polar() throws {
        let tromso = SolarCalculator(latitude: 69.65, longitude: 18.96)
        let summer = try Self.day(2026, 6, 21)
        let winter = try Self.day(2026, 12, 21)
        #expect(tromso.daylight(on: summer) == .alwaysUp)
        #expect(tromso.daylight(on: winter) == .alwaysDown)
        #expect(tromso.sunrise(on: summer) == nil && tromso.sunset(on: winter) == nil)
        #expect(Self.duskToDawn.secondsOnPerPeriod(on: summer, at: tromso).allSatisfy { $0 == 0 })
        #expect(Self.duskToDawn.secondsOnPerPeriod(on: winter, at: tromso).allSatisfy { $0 == 1_800 })
    }

    // MARK: Switch regimes

    @Test("dusk to midnight on a BST day switches off at 23:00 UTC; on a GMT day at 24:00 UTC")
    func duskToMidnight() throws {
        let bstDay = try Self.day(2026, 6, 21)
        let sunset = try #require(Self.london.sunset(on: bstDay))
        let intervals = Self.duskToMidnight.onIntervals(
            from: bstDay.midnight, to: bstDay.midnight.adding(seconds: 86_400), at: Self.london)
        #expect(intervals == [sunset.secondsSinceEpoch..<Self.at(bstDay, 23, 0).secondsSinceEpoch])
        let perPeriod = Self.duskToMidnight.secondsOnPerPeriod(on: bstDay, at: Self.london)
        #expect(perPeriod[45] == 1_800 && perPeriod[46] == 0 && perPeriod[47] == 0)

        let gmtDay = try Self.day(2026, 12, 21)
        let winterSunset = try #require(Self.london.sunset(on: gmtDay))
        let winterIntervals = Self.duskToMidnight.onIntervals(
            from: gmtDay.midnight, to: gmtDay.midnight.adding(seconds: 86_400), at: Self.london)
        #expect(winterIntervals == [winterSunset.secondsSinceEpoch..<gmtDay.midnight.adding(seconds: 86_400).secondsSinceEpoch])
    }

    @Test(
        "dusk to midnight switches off at local midnight either side of the clock changes",
        arguments: [(3, 28, 24), (3, 29, 23), (10, 24, 23), (10, 25, 24)] as [(Int, Int, Int)])
    func duskToMidnightAtClockChanges(month: Int, day: Int, offHourUTC: Int) throws {
        let utcDay = try Self.day(2026, month, day)
        let sunset = try #require(Self.london.sunset(on: utcDay))
        let evening = Self.duskToMidnight.onIntervals(from: Self.at(utcDay, 12, 0), to: Self.at(utcDay, 36, 0), at: Self.london)
        #expect(evening == [sunset.secondsSinceEpoch..<Self.at(utcDay, offHourUTC, 0).secondsSinceEpoch])
    }

    /// The gap is 00:30–05:30 on the local clock: 4 h of UTC on the spring change night, 6 h on
    /// the autumn one (00:30 BST is 23:30 UTC the day before).
    @Test(
        "part night's gap follows the local clock on clock-change nights",
        arguments: [(3, 29, 1_800, 16_200), (10, 25, -1_800, 19_800)] as [(Int, Int, Int64, Int64)])
    func partNightAtClockChanges(month: Int, day: Int, gapStart: Int64, gapEnd: Int64) throws {
        let utcDay = try Self.day(2026, month, day)
        let previous = UTCDay(dayNumber: utcDay.dayNumber - 1)
        let sunset = try #require(Self.london.sunset(on: previous)).secondsSinceEpoch
        let sunrise = try #require(Self.london.sunrise(on: utcDay)).secondsSinceEpoch
        let midnight = utcDay.midnight.secondsSinceEpoch
        let night = Self.partNight.onIntervals(from: Self.at(previous, 12, 0), to: Self.at(utcDay, 12, 0), at: Self.london)
        #expect(night == [sunset..<midnight + gapStart, midnight + gapEnd..<sunrise])
    }

    @Test("a local time the spring change skips falls an hour later; one the autumn change repeats is the second")
    func localWindowsAtClockChanges() throws {
        let window = try SwitchRegime.LocalWindow(fromMinute: 90, toMinute: 180)
        let spring = try Self.day(2026, 3, 29)
        let autumn = try Self.day(2026, 10, 25)
        #expect(window.utcRange(on: spring.dayNumber) == Self.at(spring, 1, 30).secondsSinceEpoch..<Self.at(spring, 2, 0).secondsSinceEpoch)
        #expect(window.utcRange(on: autumn.dayNumber) == Self.at(autumn, 1, 30).secondsSinceEpoch..<Self.at(autumn, 3, 0).secondsSinceEpoch)
    }

    @Test("part night is off 00:30–05:30 local and on again until dawn")
    func partNight() throws {
        let gmtDay = try Self.day(2026, 12, 21)
        let sunrise = try #require(Self.london.sunrise(on: gmtDay))
        let sunset = try #require(Self.london.sunset(on: gmtDay))
        let intervals = Self.partNight.onIntervals(from: gmtDay.midnight, to: gmtDay.midnight.adding(seconds: 86_400), at: Self.london)
        #expect(
            intervals == [
                gmtDay.midnight.secondsSinceEpoch..<Self.at(gmtDay, 0, 30).secondsSinceEpoch,
                Self.at(gmtDay, 5, 30).secondsSinceEpoch..<sunrise.secondsSinceEpoch,
                sunset.secondsSinceEpoch..<gmtDay.midnight.adding(seconds: 86_400).secondsSinceEpoch,
            ])
        // In BST the local 00:30–05:30 is 23:30–04:30 UTC, and dawn comes before 05:30 local.
        let bstDay = try Self.day(2026, 6, 21)
        let summer = Self.partNight.secondsOnPerPeriod(on: bstDay, at: Self.london)
        #expect(summer[0..<9].allSatisfy { $0 == 0 })
        #expect(summer[47] == 0 && summer[46] == 1_800)
    }

    @Test("continuous is on all day; dusk to dawn carries the evening's switch-on across midnight")
    func continuousAndMidnight() throws {
        let gmtDay = try Self.day(2026, 12, 21)
        #expect(Self.continuous.secondsOnPerPeriod(on: gmtDay, at: Self.london) == Array(repeating: 1_800, count: 48))
        #expect(Self.duskToDawn.secondsOn(from: Self.at(gmtDay, 23, 0), to: Self.at(gmtDay, 25, 0), at: Self.london) == 7_200)
    }

    @Test("switch regime codes and tables are validated")
    func regimeCodes() throws {
        #expect(throws: SwitchRegimeError.format(text: "82")) { try SwitchRegimeCode("82") }
        #expect(throws: SwitchRegimeError.format(text: "8a1")) { try SwitchRegimeCode("8a1") }
        #expect(throws: SwitchRegimeError.unknown(code: "555")) { try SwitchRegimeTable.standard.regime(for: SwitchRegimeCode("555")) }
        let code = try SwitchRegimeCode("821")
        #expect(throws: SwitchRegimeError.duplicate(code: "821")) {
            try SwitchRegimeTable([.duskToDawn(code: code), .continuous(code: code)])
        }
        #expect(throws: SwitchRegimeError.invalidWindow(fromMinute: 300, toMinute: 30)) {
            try SwitchRegime.LocalWindow(fromMinute: 300, toMinute: 30)
        }
    }

    // MARK: Charge codes

    @Test("LED charge codes carry their watts; other codes come from the table")
    func chargeCodes() throws {
        #expect(try ChargeCode("4200500000100").ledWatts == 50)
        #expect(try ChargeCode.led(watts: 50) == ChargeCode("4200500000100"))
        #expect(try ChargeCode("4212340000100").ledWatts == 1_234)
        #expect(try ChargeCode("4200500000101").ledWatts == nil)
        #expect(try ChargeCode("4200000000100").ledWatts == nil)
        #expect(try ChargeCode("0123456789012").ledWatts == nil)

        let table = try ChargeCodeTable(circuitWatts: ["0123456789012": 135, "4200500000100": 52])
        #expect(try table.watts(for: ChargeCode("0123456789012")) == 135)
        #expect(try table.watts(for: ChargeCode("4200500000100")) == 52, "a table entry wins over the LED rule")
        #expect(try table.watts(for: ChargeCode("4200700000100")) == 70)
        let unknown = try ChargeCode("5555555555555")
        #expect(throws: ChargeCodeError.unknown(code: "5555555555555")) { try table.watts(for: unknown) }
        #expect(ChargeCodeError.unknown(code: "5555555555555").description.contains("5555555555555"))
    }

    @Test(
        "malformed charge codes are rejected",
        arguments: ["420050000010", "42005000001000", "42005000O0100", "", " 4200500000100"])
    func badChargeCodes(text: String) {
        #expect(throws: ChargeCodeError.self) { try ChargeCode(text) }
    }

    @Test("charge code tables refuse bad codes and wattages")
    func badTables() {
        #expect(throws: ChargeCodeError.self) { try ChargeCodeTable(circuitWatts: ["123": 10]) }
        #expect(throws: ChargeCodeError.invalidWatts(code: "0123456789012", watts: 0, allowed: ChargeCodeTable.wattsRange)) {
            try ChargeCodeTable(circuitWatts: ["0123456789012": 0])
        }
        #expect(throws: ChargeCodeError.self) { try ChargeCode.led(watts: 10_000) }
    }

    // MARK: Inventory

    @Test("a CSV inventory parses, with CRLF, blank lines and spaces")
    func inventory() throws {
        let csv =
            "mpan,charge_code,quantity,switch_regime\r\n2000056535971,4200500000100,100,821\r\n\r\n"
            + "1900012374324, 4201000000100 ,3,999\n2000056535971,4200500000100,2,822\n"
        let inventory = try UMSInventory(csv: csv)
        let first = try MPAN("2000056535971")
        #expect(inventory.mpans == [try MPAN("1900012374324"), first])
        #expect(
            inventory.items(for: first) == [
                UMSItem(chargeCode: try .led(watts: 50), quantity: 100, switchRegime: try SwitchRegimeCode("821")),
                UMSItem(chargeCode: try .led(watts: 50), quantity: 2, switchRegime: try SwitchRegimeCode("822")),
            ])
        #expect(inventory.items(for: try MPAN("1900012374324")).first?.quantity == 3)
    }

    @Test(
        "inventory CSV errors name the line and field",
        arguments: [
            ("mpan,charge_code,quantity\n", 1, nil),
            ("", 1, nil),
            ("mpan,charge_code,quantity,switch_regime\n2000056535972,4200500000100,1,821\n", 2, "mpan"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,1,821\n2000056535971,42005,1,821\n", 3, "charge_code"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,0,821\n", 2, "quantity"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,-5,821\n", 2, "quantity"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,+5,821\n", 2, "quantity"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,many,821\n", 2, "quantity"),
            ("mpan,charge_code,quantity,switch_regime\n\n2000056535971,4200500000100,1,8210\n", 3, "switch_regime"),
            ("mpan,charge_code,quantity,switch_regime\n2000056535971,4200500000100,1\n", 2, nil),
        ] as [(String, Int, String?)])
    func inventoryErrors(csv: String, line: Int, field: String?) {
        do {
            _ = try UMSInventory(csv: csv)
            Issue.record("expected an error at line \(line)")
        } catch {
            #expect(error.line == line)
            #expect(error.field == field)
            #expect(error.description.hasPrefix("line \(line)"))
        }
    }

    // MARK: Equivalent meter

    @Test("100 × 50 W LED dusk to dawn on a winter day in _C: dark periods full, day periods 0, edges partial")
    func winterDay() throws {
        let utcDay = try Self.day(2026, 12, 21)
        let items = [UMSItem(chargeCode: try .led(watts: 50), quantity: 100, switchRegime: try SwitchRegimeCode("821"))]
        let meter = try EquivalentMeter(items: items, gspGroup: .london)
        let day = meter.consumption(on: utcDay)
        let sunrise = try #require(Self.london.sunrise(on: utcDay)).secondsSinceEpoch
        let sunset = try #require(Self.london.sunset(on: utcDay)).secondsSinceEpoch
        #expect(day.periods.count == 48)
        for slot in 0..<48 {
            let start = utcDay.midnight.secondsSinceEpoch + Int64(slot) * 1_800
            let end = start + 1_800
            let value = day.periods[slot].wattHours
            if end <= sunrise || start >= sunset {
                #expect(value == 2_500, "period \(slot) is dark")
            } else if start >= sunrise && end <= sunset {
                #expect(value == 0, "period \(slot) is light")
            } else {
                #expect(value > 0 && value < 2_500, "period \(slot) holds sunrise or sunset")
                let onSeconds = max(0, min(end, sunrise) - start) + max(0, end - max(start, sunset))
                #expect(abs(value * 3_600 - 5_000 * onSeconds) < 3_600)
            }
        }
        let onSeconds = (sunrise - utcDay.midnight.secondsSinceEpoch) + (utcDay.midnight.secondsSinceEpoch + 86_400 - sunset)
        let expected = Double(100 * 50 * onSeconds) / 3_600
        let sum = day.periods.reduce(0) { $0 + $1.wattHours }
        #expect(abs(Double(sum) - expected) <= 1)
        #expect(sum == day.total.wattHours)
        #expect(day.wattSeconds.reduce(0, +) == 5_000 * onSeconds)
    }

    @Test("loads on different regimes add up; unknown codes and regimes are errors")
    func mixedInventory() throws {
        let utcDay = try Self.day(2026, 6, 21)
        let led = try ChargeCode.led(watts: 20)
        let sign = try ChargeCode("0123456789012")
        let table = try ChargeCodeTable(circuitWatts: ["0123456789012": 135])
        let items = [
            UMSItem(chargeCode: led, quantity: 7, switchRegime: try SwitchRegimeCode("822")),
            UMSItem(chargeCode: sign, quantity: 3, switchRegime: try SwitchRegimeCode("999")),
        ]
        let meter = try EquivalentMeter(items: items, gspGroup: .eastern, chargeCodes: table)
        let day = meter.consumption(on: utcDay)
        let sun = GSPGroupLocation.representative(of: .eastern).solarCalculator
        let midnight = Self.duskToMidnight.secondsOn(from: utcDay.midnight, to: utcDay.midnight.adding(seconds: 86_400), at: sun)
        #expect(day.wattSeconds.reduce(0, +) == 140 * midnight + 405 * 86_400)
        #expect(day.total.wattHours == (140 * midnight + 405 * 86_400 + 1_800) / 3_600)
        #expect(day.periods.reduce(0) { $0 + $1.wattHours } == day.total.wattHours)

        #expect(throws: EquivalentMeterError.chargeCode(.unknown(code: "0123456789012"))) {
            try EquivalentMeter(items: items, gspGroup: .eastern)
        }
        let unknownRegime = [UMSItem(chargeCode: led, quantity: 1, switchRegime: try SwitchRegimeCode("555"))]
        #expect(throws: EquivalentMeterError.switchRegime(.unknown(code: "555"))) {
            try EquivalentMeter(items: unknownRegime, gspGroup: .eastern)
        }
        let huge = Array(repeating: UMSItem(chargeCode: led, quantity: 1_000_000, switchRegime: try SwitchRegimeCode("821")), count: 51)
        #expect(throws: EquivalentMeterError.self) { try EquivalentMeter(items: huge, gspGroup: .eastern) }
    }

    @Test("whole Wh by largest remainder sum to the rounded total, each within 1 Wh (seeded)")
    func largestRemainder() {
        let (periods, total) = EquivalentMeter.wholeWattHours([1_800, 1_800, 1_800])
        #expect(periods.map(\.wattHours) == [1, 1, 0] && total.wattHours == 2)
        var generator = SplitMix64(seed: 0x554D_5321)
        for _ in 0..<500 {
            let wattSeconds = (0..<48).map { _ in Int64.random(in: 0...9_000_000, using: &generator) }
            let (values, total) = EquivalentMeter.wholeWattHours(wattSeconds)
            #expect(values.reduce(0) { $0 + $1.wattHours } == total.wattHours)
            #expect(total.wattHours == (wattSeconds.reduce(0, +) + 1_800) / 3_600)
            #expect(zip(values, wattSeconds).allSatisfy { abs($0.wattHours * 3_600 - $1) < 3_600 })
        }
    }

    // MARK: Burning hours

    @Test("dusk to dawn burns about 4,000–4,300 h a year in every GSP group; continuous burns every hour", arguments: GSPGroup.allCases)
    func burningHours(group: GSPGroup) throws {
        let sun = GSPGroupLocation.representative(of: group).solarCalculator
        let seconds = try BurningHours.annualSeconds(of: Self.duskToDawn, at: sun, year: 2026)
        #expect((4_000 * 3_600...4_300 * 3_600).contains(seconds))
        #expect(try BurningHours.annualSeconds(of: Self.continuous, at: sun, year: 2026) == 8_760 * 3_600)
        #expect(try BurningHours.annualSeconds(of: Self.continuous, at: sun, year: 2028) == 8_784 * 3_600)
        let midnight = try BurningHours.annualSeconds(of: Self.duskToMidnight, at: sun, year: 2026)
        let partNight = try BurningHours.annualSeconds(of: Self.partNight, at: sun, year: 2026)
        #expect(midnight < partNight && partNight < seconds)
    }

    @Test("the NHH UMS EAC is quantity × watts × burning hours, and matches the HH days")
    func estimatedAnnualConsumption() throws {
        let items = [UMSItem(chargeCode: try .led(watts: 50), quantity: 100, switchRegime: try SwitchRegimeCode("821"))]
        let meter = try EquivalentMeter(items: items, gspGroup: .london)
        let seconds = try BurningHours.annualSeconds(of: Self.duskToDawn, at: Self.london, year: 2026)
        let eac = try BurningHours.estimatedAnnualConsumption(of: meter, year: 2026)
        #expect(eac.wattHours == (5_000 * seconds + 1_800) / 3_600)
        let first = try Self.day(2026, 1, 1).dayNumber
        let hhTotal = (first..<first + 365).reduce(Int64(0)) { $0 + meter.consumption(on: UTCDay(dayNumber: $1)).total.wattHours }
        #expect(abs(hhTotal - eac.wattHours) <= 365)
        #expect(throws: TimeError.self) { try BurningHours.estimatedAnnualConsumption(of: meter, year: 1900) }
    }
}
