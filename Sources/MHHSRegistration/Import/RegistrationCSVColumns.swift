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
}
