import MHHSSettlement
import Testing

/// Run differences list equal-sized changes in the order of their text key
/// `group|supplier|unit|ccc|SP`, as they always have (the key became a struct).
@Suite("RunDiff: ties in the text key's order")
struct RunDiffOrderTests {
    static let header = "gsp_group_name,gsp_group,supplier,bm_unit,ccc,component,direction,sp,uncorrected_kwh,corrected_kwh,points\n"

    static func file(_ rows: [(String, String, String, String, Int, String)]) -> [UInt8] {
        Array(
            (header + rows.map { "x,\($0.0),\($0.1),\($0.2),\($0.3),consumption,I,\($0.4),0.000000,\($0.5),1" }.joined(separator: "\n")
                + "\n")
                .utf8)
    }

    @Test func tiesSortAsTheTextKeys() {
        // Prefixes ("AB" / "ABC", "2__A" / "2__AB"), underscores and digits, every SP width.
        var cells: [(String, String, String, String, Int)] = []
        for group in ["_A", "_B"] {
            for supplier in ["AB", "ABC", "A_B", "AB1"] {
                for unit in ["2__A", "2__AB", "2__A_"] {
                    for ccc in ["11", "111", "1_1"] { for period in [1, 9, 10, 48] { cells.append((group, supplier, unit, ccc, period)) } }
                }
            }
        }
        let before = Self.file(cells.map { ($0.0, $0.1, $0.2, $0.3, $0.4, "1.000000") })
        let after = Self.file(cells.reversed().map { ($0.0, $0.1, $0.2, $0.3, $0.4, "2.000000") })
        let diff = RunDiff(from: before, to: after)
        func text(_ group: String, _ supplier: String, _ unit: String, _ ccc: String, _ period: Int) -> String {
            "\(group)|\(supplier)|\(unit)|\(ccc)|\(period < 10 ? "0" : "")\(period)"
        }
        #expect(diff.changes.count == cells.count)
        #expect(diff.changes.map { text($0.gspGroup, $0.supplier, $0.bmUnit, $0.ccc, $0.period) } == cells.map(text).sorted())
        #expect(diff.changes.allSatisfy { $0.fromMilliWh == 1_000_000 && $0.toMilliWh == 2_000_000 })
    }

    @Test func volumesReadEveryRowAndSkipShortOnes() {
        let bytes = Array(
            (Self.header
                + "x,_A,S,U,111,consumption,I,3,1.500000,1.600000,7\nshort,row\n\nx,_B,S,U,112,consumption,E,48,0.000001,0.000002,1").utf8)
        let volumes = RunResults.volumes(bytes)
        #expect(volumes.count == 2)
        #expect(volumes.first?.correctedMilliWh == 1_600_000 && volumes.first?.meteringPoints == 7 && volumes.first?.period == 3)
        #expect(volumes.last?.group == "_B" && volumes.last?.direction == "E" && volumes.last?.uncorrectedMilliWh == 1)
    }
}
