import MHHSCore

/// Turns the day's samples into load shapes: per category present in a group, per UTC period,
/// the simple mean of the actual values [C], falling back when the sample is too small.
public enum LoadShapeCalculator {
    /// The shapes of every category that has metering points, the national ones included,
    /// without totals (``LoadShapeTotals`` needs the stored history): sorted by category.
    public static func shapes(samples: [LoadShapeSample], day: UTCDay, configuration: LSSConfiguration) -> [LoadShape] {
        let width = UTCDay.periodCount
        var nationalSums = [Int64](repeating: 0, count: LoadShapeCategory.keyCount * width)
        var nationalCounts = [Int32](repeating: 0, count: LoadShapeCategory.keyCount * width)
        var nationalPopulation = [Int32](repeating: 0, count: LoadShapeCategory.keyCount)
        for sample in samples {
            for index in nationalSums.indices {
                nationalSums[index] += sample.sums[index]
                nationalCounts[index] += sample.counts[index]
            }
            for key in nationalPopulation.indices { nationalPopulation[key] += sample.population[key] }
        }
        var shapes: [LoadShape] = []
        for key in 0..<LoadShapeCategory.keyCount where nationalPopulation[key] > 0 {
            let national = LoadShapeCategory(key: key, gspGroup: nil)
            let nationalRange = key * width..<(key + 1) * width
            let nationalMean = mean(Array(nationalSums[nationalRange]), Array(nationalCounts[nationalRange]), configuration.minimumSample)
            let backstop = configuration.backstop.shape(for: national)
            for sample in samples.sorted(by: { $0.gspGroup < $1.gspGroup }) where sample.population[key] > 0 {
                let range = key * width..<(key + 1) * width
                let counts = Array(sample.counts[range])
                let own = mean(Array(sample.sums[range]), counts, configuration.minimumSample)
                var values: [Int64] = []
                var flags: [LoadShapeFlag] = []
                for slot in 0..<width {
                    let (value, flag) = resolve(own[slot], fallback: nationalMean[slot], backstop: backstop?[slot])
                    values.append(value)
                    flags.append(flag)
                }
                shapes.append(shape(LoadShapeCategory(key: key, gspGroup: sample.gspGroup), day, values, flags, counts))
            }
            var values: [Int64] = []
            var flags: [LoadShapeFlag] = []
            for slot in 0..<width {
                let (value, flag) = resolve(nationalMean[slot], fallback: nil, backstop: backstop?[slot])
                values.append(value)
                flags.append(flag)
            }
            shapes.append(shape(national, day, values, flags, Array(nationalCounts[nationalRange])))
        }
        return shapes.sorted { $0.category < $1.category }
    }

    /// The mean of each period with at least `minimum` values, rounded half up to the Wh.
    static func mean(_ sums: [Int64], _ counts: [Int32], _ minimum: Int) -> [Int64?] {
        zip(sums, counts).map { sum, count in
            Int(count) >= minimum ? ExactShares.roundedRatio(Int128(sum), Int128(count)) : nil
        }
    }

    /// The period's value and flag: its own mean (`A`), the national mean (`D`), the back-stop
    /// (`E`), else zero (`B`).
    static func resolve(_ own: Int64?, fallback: Int64?, backstop: Int64?) -> (Int64, LoadShapeFlag) {
        if let own { return (own, .actual) }
        if let fallback { return (fallback, .defaulted) }
        if let backstop { return (backstop, .backstop) }
        return (0, .noData)
    }

    private static func shape(
        _ category: LoadShapeCategory, _ day: UTCDay, _ values: [Int64], _ flags: [LoadShapeFlag], _ samples: [Int32]
    ) -> LoadShape {
        let totals = LoadShapeDayTotals(day: day, values: values)
        return LoadShape(
            category: category, day: day, values: values, flags: flags, samples: samples,
            totals: LoadShapeTotals(today: totals, history: [], segment: category.marketSegment))
    }
}
