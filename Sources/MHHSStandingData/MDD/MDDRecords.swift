import MHHSCore

/// A validity range in settlement dates: from (inclusive) to an optional end (inclusive).
public struct EffectivePeriod: Hashable, Sendable, Codable {
    public let from: SettlementDate
    public let to: SettlementDate?

    public init(from: SettlementDate, to: SettlementDate?) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: SettlementDate) -> Bool { date >= from && (to.map { date <= $0 } ?? true) }
}

/// A market participant (MDD Market_Participant).
public struct MarketParticipant: Hashable, Sendable, Codable {
    public let id: MPID
    public let name: String

    public init(id: MPID, name: String) {
        self.id = id
        self.name = name
    }
}

/// A participant's role with its validity (MDD Market_Participant_Role).
public struct ParticipantRole: Hashable, Sendable, Codable {
    public let participant: MPID
    /// The MDD role letter; not every letter is an MHHS role (see ``MDDRoleCode``).
    public let roleCode: String
    public let effective: EffectivePeriod
    public let distributorShortCode: String?

    public init(participant: MPID, roleCode: String, effective: EffectivePeriod, distributorShortCode: String?) {
        self.participant = participant
        self.roleCode = roleCode
        self.effective = effective
        self.distributorShortCode = distributorShortCode
    }
}

/// A profile class (MDD Profile_Class).
public struct ProfileClassRecord: Hashable, Sendable, Codable {
    public let id: Int
    public let description: String
    public let switchedLoad: Bool
    public let effective: EffectivePeriod

    public init(id: Int, description: String, switchedLoad: Bool, effective: EffectivePeriod) {
        self.id = id
        self.description = description
        self.switchedLoad = switchedLoad
        self.effective = effective
    }
}

/// A standard settlement configuration (MDD Standard_Settlement_Configuration).
public struct SSCRecord: Hashable, Sendable, Codable {
    public let id: String
    public let description: String
    public let type: String
    public let effective: EffectivePeriod

    public init(id: String, description: String, type: String, effective: EffectivePeriod) {
        self.id = id
        self.description = description
        self.type = type
        self.effective = effective
    }
}

/// A time pattern regime (MDD Time_Pattern_Regime).
public struct TimePatternRegimeRecord: Hashable, Sendable, Codable {
    public let id: String
    /// `C` clock; anything else (`S` in MDD v377) is teleswitched, with no clock intervals.
    public let teleswitchOrClock: String
    /// Whether the clock intervals are in GMT all year (`Y`) rather than local time.
    public let isGMT: Bool

    public init(id: String, teleswitchOrClock: String, isGMT: Bool) {
        self.id = id
        self.teleswitchOrClock = teleswitchOrClock
        self.isGMT = isGMT
    }
}

/// One clock interval of a TPR (MDD Clock_Interval): the days of a week and the part of the
/// year it applies to, and a time window in minutes after midnight.
public struct ClockIntervalRecord: Hashable, Sendable, Codable {
    public let timePatternRegime: String
    /// 1 Monday … 7 Sunday (MDD numbering).
    public let dayOfWeek: Int
    public let startDay: Int
    public let startMonth: Int
    public let endDay: Int
    public let endMonth: Int
    public let startMinute: Int
    /// Up to 1,440 (`24:00`).
    public let endMinute: Int

    public init(
        timePatternRegime: String, dayOfWeek: Int, startDay: Int, startMonth: Int, endDay: Int, endMonth: Int, startMinute: Int,
        endMinute: Int
    ) {
        self.timePatternRegime = timePatternRegime
        self.dayOfWeek = dayOfWeek
        self.startDay = startDay
        self.startMonth = startMonth
        self.endDay = endDay
        self.endMonth = endMonth
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}

/// A line loss factor class of a distributor (MDD Line_Loss_Factor_Class).
public struct LLFClassRecord: Hashable, Sendable, Codable {
    public let distributor: MPID
    public let id: String
    public let description: String
    public let msSpecificIndicator: String
    public let effective: EffectivePeriod

    public init(distributor: MPID, id: String, description: String, msSpecificIndicator: String, effective: EffectivePeriod) {
        self.distributor = distributor
        self.id = id
        self.description = description
        self.msSpecificIndicator = msSpecificIndicator
        self.effective = effective
    }
}
