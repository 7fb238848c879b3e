import BaoxueContracts
import Configuration

extension ConfigReader {
    /// An integer setting, nil when absent; a value outside `range` refuses to start, naming the
    /// key and the range (`config.invalid`). Every service's settings read their numbers so.
    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = int(forKey: ConfigKey(key)) else { return nil }
        guard range.contains(value) else {
            throw ServiceError(.configInvalid, "\(key) = \(value): must be \(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    /// A fixed "today" (`<service>.clock.today`, for tests and drills only), nil when absent; a
    /// value that is no date refuses to start.
    public func fixedToday(_ key: String) throws -> (@Sendable () -> CivilDate)? {
        guard let text = string(forKey: ConfigKey(key)) else { return nil }
        guard let fixed = CivilDate(parsing: text) else { throw ServiceError(.configInvalid, "\(key): \(text) is not a date") }
        return { fixed }
    }
}
