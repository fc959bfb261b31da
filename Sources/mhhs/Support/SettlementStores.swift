import Foundation
import MHHSCore
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage

/// The stores the settlement commands use: the register, the SP-data store, takes, runs and
/// standing data, all in the embedded data folder.
struct SettlementStores: Sendable {
    let register: any RegisterRepository
    let spData: any SPDataStore
    let settlement: SQLiteSettlementStore
    let standingData: SQLiteStandingDataRepository

    init(_ options: StoreOptions) throws {
        guard options.database == nil else {
            throw SettlementStoreUnavailable()
        }
        let folder = URL(fileURLWithPath: options.dataDirectory)
        let database = try SQLiteDatabase(dataDirectory: folder)
        register = SQLiteRegisterRepository(database: database)
        spData = try FileSPDataStore(database: database, dataDirectory: folder)
        settlement = SQLiteSettlementStore(database: database)
        standingData = SQLiteStandingDataRepository(database: database)
    }

    func runner(configuration: VASConfiguration = .init()) -> SettlementRunner {
        let standingData = self.standingData
        return SettlementRunner(
            register: register, spData: spData, takes: settlement, runs: settlement, configuration: configuration
        ) { distributor, llfClass, date in
            try standingData.lineLossFactors(distributor: distributor, llfClass: llfClass, date: date)
        }
    }
}

struct SettlementStoreUnavailable: Error, CustomStringConvertible {
    var description: String {
        "settlement commands run on the embedded store (--data-dir); the PostgreSQL SP-data store is not built yet"
    }
}
