/// Decodes an array of numbered rows one by one, keeping the good ones and describing the bad.
enum LenientRows {
    static func decode<Record: Codable & Sendable, Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, key: Key) throws -> ([NumberedRow<Record>], [RowProblem]) {
        var rows: [NumberedRow<Record>] = []
        var invalid: [RowProblem] = []
        var elements = try container.nestedUnkeyedContainer(forKey: key)
        while !elements.isAtEnd {
            let position = elements.currentIndex
            do {
                rows.append(try elements.decode(NumberedRow<Record>.self))
            } catch {
                let number = (try? elements.decode(RowNumber.self))?.row ?? position + 1
                if elements.currentIndex == position { break }  // cannot step past it: stop, never loop
                invalid.append(RowProblem(row: number, column: nil, reason: DecodingProblem.describe(error)))
            }
        }
        return (rows, invalid)
    }

    /// Reads only a row's number, whatever else the element holds.
    struct RowNumber: Decodable {
        var row: Int?
        enum CodingKeys: String, CodingKey { case row }
        init(from decoder: any Decoder) throws {
            row = try? decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .row)
        }
    }
}
