/// The columns of a registration import file (docs/REGISTRATION.md).
public enum RegistrationCSVColumn: String, CaseIterable, Sendable {
    case mpan, gsp_group, ldso, supplier, effective_from, connection_type, market_segment, energy_direction, domestic,
        energisation, llfc, duos_tariff, arrangement, profile_class, ssc, annual_consumption_kwh, ds_role, ds_mpid,
        ms_role, ms_mpid
    // Optional columns.
    case measurement_class, annual_consumption_quality, linked_mpan, da_role, da_mpid
    /// The address: postcode, and up to nine lines separated by `|`.
    case postcode, address_lines
    case css_registration_id

    /// Columns every file must have (values may still be blank where not applicable).
    public static let required: [RegistrationCSVColumn] = Array(allCases.prefix(20))

    /// The column's position in ``allCases``: an array index for per-row look-ups, where hashing
    /// the name on every field of 30 M rows would cost more than reading the field.
    var ordinal: Int {
        switch self {
        case .mpan: 0
        case .gsp_group: 1
        case .ldso: 2
        case .supplier: 3
        case .effective_from: 4
        case .connection_type: 5
        case .market_segment: 6
        case .energy_direction: 7
        case .domestic: 8
        case .energisation: 9
        case .llfc: 10
        case .duos_tariff: 11
        case .arrangement: 12
        case .profile_class: 13
        case .ssc: 14
        case .annual_consumption_kwh: 15
        case .ds_role: 16
        case .ds_mpid: 17
        case .ms_role: 18
        case .ms_mpid: 19
        case .measurement_class: 20
        case .annual_consumption_quality: 21
        case .linked_mpan: 22
        case .da_role: 23
        case .da_mpid: 24
        case .postcode: 25
        case .address_lines: 26
        case .css_registration_id: 27
        }
    }
}
