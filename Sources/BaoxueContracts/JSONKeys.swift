/// The keys a reader knows in an object read member by member (``JSONReader/readMembers(_:_:)``),
/// kept as bytes so a key is matched where it lies in the text.
public struct JSONKeys: Sendable {
    private let keys: [[UInt8]]

    public init(_ keys: StaticString...) {
        self.keys = keys.map { key in key.withUTF8Buffer { Array($0) } }
    }

    /// The place ``JSONReader/nextKey(in:)`` gives a key not in the list.
    var unknown: Int { keys.count }

    /// The place of `key` in the list, or ``unknown``.
    func place(of key: ArraySlice<UInt8>) -> Int {
        // Lengths first: they tell most keys apart before a byte is compared.
        keys.firstIndex { $0.count == key.count && $0.elementsEqual(key) } ?? unknown
    }
}
