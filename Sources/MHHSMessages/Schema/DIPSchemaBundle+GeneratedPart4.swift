// GENERATED FILE: do not edit. Regenerate from the repository root with
//   scripts/gen-dip-schema.py ../shared/reference/dip-api
// Source: Elexon DIP API specification, VERSION ceafc54379ab28d9d9ffdeda950b815cc7ba5bf1 Wed Apr 15 16:51:31 2026 +0100

extension DIPSchemaBundle {
    static let part4 = #"""
        ayload"],"type":"object"},"payloadEvents":["DUoSLDSOAggData"]},"REP-003":{"events":{},"payload":{"properties":{"payload"\#
        :{"$ref":"REP-003-Payload"}},"required":["payload"],"type":"object"},"payloadEvents":["BMUnitAllocatedDemandVolumesToMar\#
        ketParticipants"]},"REP-003A":{"events":{},"payload":{"properties":{"payload":{"$ref":"REP-003A-Payload"}},"required":["\#
        payload"],"type":"object"},"payloadEvents":["AggregatedBMUnitAllocatedDemandVolumes"]},"REP-004":{"events":{},"payload":\#
        {"properties":{"payload":{"$ref":"REP-004-Payload"}},"required":["payload"],"type":"object"},"payloadEvents":["SupplierD\#
        eemedTakeReport"]},"REP-006":{"events":{},"payload":{"properties":{"payload":{"$ref":"REP-006-Payload"}},"required":["pa\#
        yload"],"type":"object"},"payloadEvents":["UncorrectedConsumptionAndLossesByCCCID"]},"REP-007":{"events":{},"payload":{"\#
        properties":{"payload":{"$ref":"REP-007-Payload"}},"required":["payload"],"type":"object"},"payloadEvents":["BMUnitDefau\#
        ltsToSuppliers"]},"REP-008":{"events":{},"payload":{"properties":{"payload":{"$ref":"REP-008-Payload"}},"required":["pay\#
        load"],"type":"object"},"payloadEvents":["LDSOLLFDefaultData"]},"REP-009":{"events":{},"payload":{"properties":{"payload\#
        ":{"$ref":"REP-009-Payload"}},"required":["payload"],"type":"object"},"payloadEvents":["EMRSReportForSuppliers"]},"REP-9\#
        00":{"events":{},"payload":{"properties":{"payload":{"$ref":"REP-900-Payload"}},"required":["payload"],"type":"object"},\#
        "payloadEvents":["DUoSSupplierInvData"]},"REP-901":{"events":{},"payload":{"properties":{"payload":{"$ref":"REP-901-Payl\#
        oad"}},"required":["payload"],"type":"object"},"payloadEvents":["DUoSEmbeddedLDSOAggInvData","DUoSSupplierAggInvData"]}}\#
        ,"reports":{"REP-002":{"$ref":"REP-002-CustomBlock"},"REP-002A":{"$ref":"REP-002A-CustomBlock"},"REP-002B":{"$ref":"REP-\#
        002B-CustomBlock"},"REP-003":{"$ref":"REP-003-CustomBlock"},"REP-003A":{"$ref":"REP-003A-CustomBlock"},"REP-004":{"$ref"\#
        :"REP-004-CustomBlock"},"REP-006":{"$ref":"REP-006-CustomBlock"},"REP-007":{"$ref":"REP-007-CustomBlock"},"REP-008":{"$r\#
        ef":"REP-008-CustomBlock"},"REP-009":{"$ref":"REP-009-CustomBlock"},"REP-900":{"$ref":"REP-900-CustomBlock"},"REP-901":{\#
        "$ref":"REP-901-CustomBlock"}}}
        """#
}
