import ArgumentParser

/// Who a report is for (`report --for council`).
enum ReportAudience: String, ExpressibleByArgument, CaseIterable {
    case council
}
