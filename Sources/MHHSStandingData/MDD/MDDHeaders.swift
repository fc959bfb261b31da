/// The exact header rows of the MDD tables we import (as published in MDD v377).
enum MDDHeaders {
    static let gspGroup = ["Gsp Group ID", "GSP Group Name"]
    static let participant = ["Market Participant ID", "Market Participant Name", "Pool Member ID"]
    static let participantRole = [
        "Market Participant ID", "Market Participant Role Code", "Effective From Date (MPR)", "Effective To Date (MPR)",
        "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Address 7", "Address 8",
        "Address 9", "Post Code", "Distributor Short Code",
    ]
    static let profileClass = [
        "Profile Class ID", "Effective From Settlement Date (PCLA)", "Profile Class Description",
        "Switched Load Profile Class Ind", "Effective To Settlement Date (PCLA)",
    ]
    static let ssc = [
        "Standard Settlement Configuration ID", "Effective From Settlement Date (SSC)",
        "Effective To Settlement Date (SSC)", "Standard Settlement Configuration Description",
        "Standard Settlement Configuration Type", "Teleswitch User ID", "Teleswitch Group ID",
    ]
    static let timePatternRegime = ["Time Pattern Regime ID", "Tele-switch/Clock Indicator", "GMT Indicator"]
    static let measurementRequirement = ["Standard Settlement Configuration ID", "Time Pattern Regime ID"]
    static let clockInterval = [
        "Time Pattern Regime ID", "Day of the Week ID", "Start Day", "Start Month", "End Day", "End Month",
        "Start Time", "End Time",
    ]
    static let llfClass = [
        "Market Participant ID", "Market Participant Role Code", "Effective From Date (MPR)",
        "Line Loss Factor Class ID", "Effective From Settlement Date (LLFC)", "Line Loss Factor Class Description",
        "MS Specific LLF Class Indicator", "Effective To Settlement Date (LLFC)",
    ]
}
