import MHHSCore
import MHHSRegistration

extension GroupAllocator {
    /// The sorted keys, the key of every snapshot entry (-1: not settled), and the statistics
    /// so far (entries, and those not settled).
    struct Classification: Sendable {
        let keys: [AllocationKey]
        let keyOfPoint: [Int32]
        let statistics: AllocationStatistics
    }

    func classify() -> Classification {
        var statistics = AllocationStatistics()
        let group = snapshot.gspGroup
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let legacyNHH = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyNHH)!)
        let legacyHH = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyHH)!)
        let settlesLegacy = legacyProfiles != nil
        let segmentsByCode = MarketSegment.allCases
        let connectionsByCode = ConnectionType.allCases
        var classOfCodes = [Int](repeating: -1, count: 256 * 8)
        for (segmentCode, segment) in segmentsByCode.enumerated() {
            for (connectionCode, connection) in connectionsByCode.enumerated() {
                classOfCodes[segmentCode * 8 + connectionCode] =
                    CCCTable.meteringClass(segment: segment, connectionType: connection) ?? -1
            }
        }
        var provisional = PackedKeyTable()
        var configuredKeys: [String: Int32] = [:]
        var provisionalKeys: [AllocationKey] = []
        var keyOfPoint = [Int32](repeating: -1, count: snapshot.count)
        var defaultUnits: [Int32: String] = [:]
        let noConfiguredUnits = bmUnits.byMPAN.isEmpty
        for point in 0..<snapshot.count {
            let supplier = snapshot.supplier[point]
            let segment = snapshot.marketSegment[point]
            let connection = snapshot.connectionType[point]
            let meteringClass: Int
            if settlesLegacy, supplier >= 0, snapshot.arrangement[point] == legacyNHH {
                meteringClass = CCCTable.legacyNHHClass
            } else if supplier >= 0, snapshot.arrangement[point] == legacyHH, segment != RegisterSnapshot.absent,
                connection != RegisterSnapshot.absent
            {
                // HHDA-style: aggregated from the HH data its HHDC reported, defaulted like MHHS data.
                meteringClass = CCCTable.legacyHHClass
            } else if supplier >= 0, snapshot.arrangement[point] == mhhs, segment != RegisterSnapshot.absent,
                connection != RegisterSnapshot.absent, case let mhhsClass = classOfCodes[Int(segment) * 8 + Int(connection)],
                mhhsClass >= 0
            {
                meteringClass = mhhsClass
            } else {
                statistics.notSettled += 1
                continue
            }
            statistics.meteringPoints += 1
            // A configured BM unit is rare: such points are keyed by text beside the packed keys.
            let configured = noConfiguredUnits ? nil : bmUnits.byMPAN[snapshot.mpans[point]]
            let unitTag: Int64 =
                configured != nil && configured!.supplier == snapshot.participants[Int(supplier)] ? snapshot.mpans[point] : -1
            let exporting: Int64 = snapshot.energyDirection[point] == 1 ? 1 : 0
            let distributor = Int64(snapshot.distributor[point]) & 0xFFFF
            let llf = Int64(snapshot.llfClass[point]) & 0xFFFF
            let domestic = Int64(snapshot.domesticPremise[point] & 3)
            let packed =
                Int64(supplier) << 40 | distributor << 24 | llf << 8 | domestic << 5 | Int64(meteringClass) << 1 | exporting
            let configuredTag = unitTag >= 0 ? "\(packed)|\(configured!.bmUnit)" : nil
            if let configuredTag, let existing = configuredKeys[configuredTag] {
                keyOfPoint[point] = existing
                continue
            }
            if configuredTag == nil, case let existing = provisional[packed], existing >= 0 {
                keyOfPoint[point] = existing
                continue
            }
            let supplierMPID = snapshot.participants[Int(supplier)]
            let unit: String
            if unitTag >= 0 {
                unit = configured!.bmUnit
            } else if let cached = defaultUnits[supplier] {
                unit = cached
            } else {
                unit = BMUnitAssignments.defaultUnit(supplier: supplierMPID, group: group)
                defaultUnits[supplier] = unit
            }
            let key = AllocationKey(
                supplier: supplierMPID, bmUnit: unit, meteringClass: meteringClass, direction: exporting == 1 ? .exporting : .importing,
                distributor: snapshot.distributor[point] < 0 ? nil : snapshot.participants[Int(snapshot.distributor[point])],
                llfClass: snapshot.llfClass[point] < 0 ? nil : snapshot.llfClasses[Int(snapshot.llfClass[point])],
                domestic: snapshot.domesticPremise[point] == RegisterSnapshot.absent
                    ? nil : DomesticPremiseIndicator.allCases[Int(snapshot.domesticPremise[point])])
            // A new packed key is a new key: participants and classes are interned, so two packed
            // keys never name the same supplier, unit, class and LLF class.
            provisionalKeys.append(key)
            let index = Int32(provisionalKeys.count - 1)
            if let configuredTag { configuredKeys[configuredTag] = index } else { provisional.insert(packed, index) }
            keyOfPoint[point] = index
        }
        // Keys stay in first-seen order of the MPAN-sorted snapshot: deterministic, and every
        // output is sorted by name later, so no sort of thousands of keys is needed here.
        return Classification(keys: provisionalKeys, keyOfPoint: keyOfPoint, statistics: statistics)
    }
}
