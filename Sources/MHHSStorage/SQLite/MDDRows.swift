import GRDB
import MHHSCore
import MHHSStandingData

/// Maps the MDD tables to and from their SQLite rows.
enum MDDRows {
    static func write(_ data: MarketDomainData, to db: Database) throws {
        for (group, name) in data.gspGroups {
            try db.execute(sql: "INSERT INTO mdd_gsp_group VALUES (?, ?)", arguments: [group.rawValue, name])
        }
        let participant = try db.makeStatement(sql: "INSERT INTO mdd_participant VALUES (?, ?)")
        for record in data.participants { try participant.execute(arguments: [record.id.value, record.name]) }
        let role = try db.makeStatement(sql: "INSERT INTO mdd_participant_role VALUES (?, ?, ?, ?, ?)")
        for record in data.roles {
            try role.execute(arguments: [
                record.participant.value, record.roleCode, record.effective.from.description,
                record.effective.to?.description, record.distributorShortCode,
            ])
        }
        for record in data.profileClasses {
            try db.execute(
                sql: "INSERT INTO mdd_profile_class VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    record.id, record.description, record.switchedLoad, record.effective.from.description,
                    record.effective.to?.description,
                ])
        }
        let ssc = try db.makeStatement(sql: "INSERT INTO mdd_ssc VALUES (?, ?, ?, ?, ?)")
        for record in data.standardSettlementConfigurations {
            try ssc.execute(arguments: [
                record.id, record.description, record.type, record.effective.from.description,
                record.effective.to?.description,
            ])
        }
        let tpr = try db.makeStatement(sql: "INSERT INTO mdd_tpr VALUES (?, ?, ?)")
        for record in data.timePatternRegimes {
            try tpr.execute(arguments: [record.id, record.teleswitchOrClock, record.isGMT])
        }
        let requirement = try db.makeStatement(sql: "INSERT INTO mdd_measurement_requirement VALUES (?, ?)")
        for record in data.measurementRequirements { try requirement.execute(arguments: [record.ssc, record.tpr]) }
        let interval = try db.makeStatement(sql: "INSERT INTO mdd_clock_interval VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for record in data.clockIntervals {
            try interval.execute(arguments: [
                record.timePatternRegime, record.dayOfWeek, record.startDay, record.startMonth, record.endDay,
                record.endMonth, record.startMinute, record.endMinute,
            ])
        }
        let llfClass = try db.makeStatement(sql: "INSERT INTO mdd_llf_class VALUES (?, ?, ?, ?, ?, ?)")
        for record in data.llfClasses {
            try llfClass.execute(arguments: [
                record.distributor.value, record.id, record.description, record.msSpecificIndicator,
                record.effective.from.description, record.effective.to?.description,
            ])
        }
    }

    static func read(version: String, from db: Database) throws -> MarketDomainData {
        func effective(_ row: Row) throws -> EffectivePeriod {
            EffectivePeriod(
                from: try SettlementDate(row["effective_from"] as String),
                to: try (row["effective_to"] as String?).map { try SettlementDate($0) })
        }
        return MarketDomainData(
            version: version,
            gspGroups: try Row.fetchAll(db, sql: "SELECT * FROM mdd_gsp_group ORDER BY id").map {
                (try GSPGroup(code: $0["id"] as String), $0["name"])
            },
            participants: try Row.fetchAll(db, sql: "SELECT * FROM mdd_participant ORDER BY id").map {
                MarketParticipant(id: try MPID($0["id"] as String), name: $0["name"])
            },
            roles: try Row.fetchAll(db, sql: "SELECT * FROM mdd_participant_role").map {
                ParticipantRole(
                    participant: try MPID($0["participant"] as String), roleCode: $0["role"],
                    effective: try effective($0), distributorShortCode: $0["distributor_short_code"])
            },
            profileClasses: try Row.fetchAll(db, sql: "SELECT * FROM mdd_profile_class ORDER BY id").map {
                ProfileClassRecord(
                    id: $0["id"], description: $0["description"], switchedLoad: $0["switched_load"],
                    effective: try effective($0))
            },
            standardSettlementConfigurations: try Row.fetchAll(db, sql: "SELECT * FROM mdd_ssc ORDER BY id").map {
                SSCRecord(id: $0["id"], description: $0["description"], type: $0["type"], effective: try effective($0))
            },
            timePatternRegimes: try Row.fetchAll(db, sql: "SELECT * FROM mdd_tpr ORDER BY id").map {
                TimePatternRegimeRecord(id: $0["id"], teleswitchOrClock: $0["teleswitch_or_clock"], isGMT: $0["is_gmt"])
            },
            measurementRequirements: try Row.fetchAll(db, sql: "SELECT * FROM mdd_measurement_requirement").map {
                (ssc: $0["ssc"], tpr: $0["tpr"])
            },
            clockIntervals: try Row.fetchAll(db, sql: "SELECT * FROM mdd_clock_interval").map {
                ClockIntervalRecord(
                    timePatternRegime: $0["tpr"], dayOfWeek: $0["day_of_week"], startDay: $0["start_day"],
                    startMonth: $0["start_month"], endDay: $0["end_day"], endMonth: $0["end_month"],
                    startMinute: $0["start_minute"], endMinute: $0["end_minute"])
            },
            llfClasses: try Row.fetchAll(db, sql: "SELECT * FROM mdd_llf_class").map {
                LLFClassRecord(
                    distributor: try MPID($0["distributor"] as String), id: $0["id"], description: $0["description"],
                    msSpecificIndicator: $0["ms_specific"], effective: try effective($0))
            }
        )
    }
}
