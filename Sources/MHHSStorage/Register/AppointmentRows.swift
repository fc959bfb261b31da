import MHHSMessages
import MHHSRegistration

/// Appointment requests are stored as JSON with their key columns beside it.
enum AppointmentRows {
    static func body(_ appointment: PendingAppointment) throws -> String {
        String(decoding: JSONWriter.bytes(appointment.jsonValue), as: UTF8.self)
    }

    static func appointment(_ body: String) throws -> PendingAppointment {
        try PendingAppointment(json: try JSONParser.parse(body.utf8))
    }
}
