import Foundation
import MHHSRegistration

/// Appointment requests are stored as JSON with their key columns beside it.
enum AppointmentRows {
    static func body(_ appointment: PendingAppointment) throws -> String {
        String(decoding: try JSONEncoder().encode(appointment), as: UTF8.self)
    }

    static func appointment(_ body: String) throws -> PendingAppointment {
        try JSONDecoder().decode(PendingAppointment.self, from: Data(body.utf8))
    }
}
