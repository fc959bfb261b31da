import Foundation
import MHHSSettlement

/// Expected volumes written by hand: `gsp_group,supplier,bm_unit,ccc,sps,uncorrected_kwh,corrected_kwh`
/// where `sps` lists periods as `1-4 6-50`. Compared with a run's `volumes.csv`.
enum ExpectedVolumes {
    struct Mismatch: CustomStringConvertible {
        let description: String
    }

    static func mismatches(expected url: URL, run: StoredSettlementRun) throws -> [Mismatch] {
        var actual: [String: (String, String)] = [:]
        let volumes = String(decoding: run.files[SettlementRunFiles.volumes]!, as: UTF8.self)
        for line in volumes.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            actual["\(f[1])|\(f[2])|\(f[3])|\(f[4])|\(f[7])"] = (f[8], f[9])
        }
        var problems: [Mismatch] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for period in periods(f[4]) {
                let key = "\(f[0])|\(f[1])|\(f[2])|\(f[3])|\(period)"
                guard let found = actual[key] else {
                    problems.append(Mismatch(description: "\(key): no such volume"))
                    continue
                }
                if found != (f[5], f[6]) {
                    problems.append(Mismatch(description: "\(key): expected \(f[5]) → \(f[6]), found \(found.0) → \(found.1)"))
                }
            }
        }
        return problems
    }

    static func periods(_ text: String) -> [Int] {
        text.split(separator: " ").flatMap { part -> [Int] in
            let bounds = part.split(separator: "-").map { Int($0)! }
            return bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds
        }
    }
}
