/// The columns of an import batch written as a table (decision 159), read once for the whole
/// batch: each column's place among the record's keys, so that each row's values go straight to
/// their places, with no key read or matched for every row.
struct TableColumns {
    /// The place of the column holding the row's number.
    static let rowNumber = -1

    let keys: JSONKeys
    /// The columns' names as written, for a row read again as a tree.
    let names: [String]
    /// Each column's place among `keys`: ``rowNumber``, a key's place, or `keys.unknown` for a
    /// column the record does not read (or one named a second time: the first counts).
    let places: [Int]

    init(reading reader: inout JSONReader, keys: JSONKeys) throws(JSONReader.SyntaxError) {
        guard try reader.beginArray() else { throw reader.error("columns is null") }
        var names: [String] = []
        var places: [Int] = []
        var taken = Set<Int>()
        while try reader.nextElement() {
            guard let name = try reader.readString() else { throw reader.error("a column's name is null") }
            var place = name == rowColumn ? TableColumns.rowNumber : keys.place(of: name, after: places.last ?? -1)
            if !taken.insert(place).inserted { place = keys.unknown }
            names.append(name)
            places.append(place)
        }
        self.keys = keys
        self.names = names
        self.places = places
    }
}
