/// The keys a reader knows in an object read member by member (``JSONReader/readMembers(_:_:)``),
/// kept as bytes so a key is matched where it lies in the text.
public struct JSONKeys: Sendable {
    private let keys: [[UInt8]]

    public init(_ keys: StaticString...) {
        self.keys = keys.map { key in key.withUTF8Buffer { Array($0) } }
    }

    /// Keys named at run time: a record's, from its coding keys' cases.
    public init(names: [String]) {
        keys = names.map { Array($0.utf8) }
    }

    /// The place ``JSONReader/nextKey(in:)`` gives a key not in the list.
    var unknown: Int { keys.count }

    /// The place of `key` in the list, or ``unknown``, looked for from the place after `previous`
    /// on (then from the start): writers put an object's keys in one order (sorted, for
    /// ``JSONWriter``'s records), so a list in that order finds each key at its first try, and
    /// a key left out (a field that is nil) costs a step or two.
    func place(of key: some Collection<UInt8>, after previous: Int = -1) -> Int {
        let count = key.count
        var place = previous + 1
        for _ in 0..<keys.count {
            if place >= keys.count { place = 0 }
            // Lengths first: they tell most keys apart before a byte is compared.
            if keys[place].count == count, keys[place].elementsEqual(key) { return place }
            place += 1
        }
        return unknown
    }

    /// The place of a key read into a `String` (a parsed tree's), as ``place(of:after:)``.
    func place(of key: String, after previous: Int = -1) -> Int {
        var key = key
        return key.withUTF8 { place(of: $0, after: previous) }
    }

    /// The key at `place`, for an error's path.
    func name(at place: Int) -> String {
        String(decoding: keys[place], as: UTF8.self)
    }
}
