import Domain

/// A measurement as recorded in the event log.
struct MeasurementEvent: Codable {
    var cycle: Int
    var measurement: MetricMeasurement
}
