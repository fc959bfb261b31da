/// A participant role on the DIP [C].
public enum DIPRole: String, CodeValue {
    case supplier = "SUP"
    case registrationService = "REGS"
    case smartDataService = "SDS"
    case advancedDataService = "ADS"
    case unmeteredDataService = "UMSDS"
    case smartMeteringService = "MSS"
    case advancedMeteringService = "MSA"
    case unmeteredSupplyOperator = "UMSO"
    case distributor = "LDSO"
    case marketwideDataService = "MDS"
    case loadShapingService = "LSS"
    case industryStandingData = "ISD"
    case elexonCentralServices = "ECS"
    case electricityEnquiryService = "EES"
    case meteringDataRetrieval = "MDR"
    case dataCommunicationsCompany = "DCC"
    /// Not a DIP role: the central system's operators, who use its REST API (start runs and
    /// migrations) and send no DIP messages.
    case centralOperator = "OPS"

    public static let kind = "DIP role"
}

/// A market role letter in Market Domain Data [C].
public enum MDDRoleCode: String, CodeValue {
    case supplier = "X"
    case distributor = "R"
    case smartDataService = "N"
    case advancedDataService = "O"
    case unmeteredDataService = "Q"
    case registration = "P"
    case smartMeteringEquipmentManager = "S"
    case advancedMeteringEquipmentManager = "T"
    case unmeteredSupplyOperator = "3"
    case meterAdministrator = "4"
    case halfHourlyDataAggregator = "A"
    case nonHalfHourlyDataAggregator = "B"
    case halfHourlyDataCollector = "C"
    case nonHalfHourlyDataCollector = "D"

    public static let kind = "MDD role code"

    /// The DIP role that the MHHS successor of this MDD role uses, where there is one.
    public var dipRole: DIPRole? {
        switch self {
        case .supplier: .supplier
        case .distributor: .distributor
        case .smartDataService: .smartDataService
        case .advancedDataService: .advancedDataService
        case .unmeteredDataService: .unmeteredDataService
        case .registration: .registrationService
        case .smartMeteringEquipmentManager: .smartMeteringService
        case .advancedMeteringEquipmentManager: .advancedMeteringService
        case .unmeteredSupplyOperator: .unmeteredSupplyOperator
        default: nil
        }
    }
}
