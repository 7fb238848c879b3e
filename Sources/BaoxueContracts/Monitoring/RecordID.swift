/// A request naming one alert or case by its id.
public struct RecordID: Codable, Sendable {
    public var id: Int64

    public init(id: Int64) {
        self.id = id
    }
}
