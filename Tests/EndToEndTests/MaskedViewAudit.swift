import BaoxueContracts

/// Reads masked views and exports as an outsider would, knowing the children in full from the
/// fixture, and says what in them gives a full number back (decision 111).
///
/// For every child it knows it looks for:
/// - the full ID number, student number or phone anywhere in a view;
/// - the birth date in any usual form (`2016-05-29`, `2016/5/29`, `2016.05.29`, `20160529`,
///   `2016年5月29日`): beside `510123********2108` it is the full number;
/// - masks of one value that differ, across every view read: laid over each other they could
///   show what each hides (an ID number's 8 birth-date digits, a phone's middle four). A mask is
///   matched to a value by its length and its last four characters, which every mask keeps.
struct MaskedViewAudit {
    /// A child as the fixture knows them.
    struct Person {
        var idNumber: String?
        var studentNumber: String
        var birthDate: CivilDate
        var phones: [String]
    }

    /// Which of a value's characters a mask may never show.
    private enum Kind: Hashable {
        case idNumber, studentNumber, phone

        func hidden(_ value: [UInt8]) -> Range<Int> {
            switch self {
            case .idNumber: 6..<14
            case .studentNumber: 7..<15
            case .phone: 3..<(value.count - 4)
            }
        }
    }

    /// Full values by their bytes, to find them inside any run of letters and digits.
    private var fullValues: [[UInt8]: String] = [:]
    /// `YYYYMMDD` of every birth date, to find dates in whichever form.
    private var birthKeys: Set<Int> = []
    /// The known values of each length, by their last four characters: where a mask is matched.
    private var bySuffix: [String: [(kind: Kind, value: [UInt8], owner: String)]] = [:]
    /// For each value (by owner and kind), the positions some mask showed, and in which views.
    private var shown: [String: (kind: Kind, value: [UInt8], positions: Set<Int>, views: Set<String>)] = [:]
    /// What was found, one line each.
    private(set) var findings: [String] = []
    /// How many masks were matched to a known value: a view with none was not read as meant.
    private(set) var masksMatched = 0

    init(people: [Person]) {
        for person in people {
            let owner = person.idNumber ?? person.studentNumber
            var values: [(Kind, String)] = [(.studentNumber, person.studentNumber)]
            if let id = person.idNumber { values.append((.idNumber, id)) }
            values += person.phones.map { (.phone, $0) }
            for (kind, value) in values {
                fullValues[Array(value.utf8)] = "\(kind) of \(owner)"
                bySuffix["\(value.utf8.count)|\(value.suffix(4))", default: []].append((kind, Array(value.utf8), "\(owner)|\(kind)"))
            }
            birthKeys.insert(person.birthDate.year * 10_000 + person.birthDate.month * 100 + person.birthDate.day)
        }
    }

    /// Reads one view: records what it gives away, and the masks it shows for the check across
    /// views (``combinedFindings()``).
    mutating func read(_ text: String, view: String) {
        let bytes = Array(text.utf8)
        var reported = 0
        func report(_ line: String) {
            reported += 1
            if reported <= 5 { findings.append("\(view): \(line)") }
        }
        // Runs of letters, digits and `*`: numbers whole or masked.
        var start = 0
        while start < bytes.count {
            guard Self.isToken(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, Self.isToken(bytes[end]) { end += 1 }
            let token = Array(bytes[start..<end])
            for length in [11, 18, 19] where token.count >= length {
                for offset in 0...(token.count - length) {
                    if let what = fullValues[Array(token[offset..<offset + length])] { report("the full \(what)") }
                }
            }
            if token.contains(UInt8(ascii: "*")) { match(mask: token, view: view) }
            start = end
        }
        for date in Self.dates(in: bytes) where birthKeys.contains(date.key) {
            report("a birth date, \(date.text)")
        }
    }

    /// Values whose masks, laid over each other across every view read, show a hidden character.
    func combinedFindings() -> [String] {
        shown.compactMap { owner, seen in
            let hidden = seen.kind.hidden(seen.value)
            let revealed = seen.positions.filter(hidden.contains).sorted()
            guard !revealed.isEmpty else { return nil }
            return "\(owner): masks in \(seen.views.sorted().joined(separator: ", ")) together show hidden positions \(revealed)"
        }.sorted()
    }

    private mutating func match(mask token: [UInt8], view: String) {
        // A mask is matched against every known value of its length and last four whose shown
        // characters it agrees with, at every offset: the ID inside a `G` number is matched too.
        let star = UInt8(ascii: "*")
        for length in [11, 18, 19] where token.count >= length {
            for offset in 0...(token.count - length) {
                let window = Array(token[offset..<offset + length])
                guard window.contains(star), let candidates = bySuffix["\(length)|\(String(decoding: window.suffix(4), as: UTF8.self))"] else { continue }
                for candidate in candidates where zip(window, candidate.value).allSatisfy({ $0 == star || $0 == $1 }) {
                    let positions = Set(window.indices.filter { window[$0] != star })
                    var seen = shown[candidate.owner] ?? (candidate.kind, candidate.value, [], [])
                    seen.positions.formUnion(positions)
                    seen.views.insert(view)
                    shown[candidate.owner] = seen
                    masksMatched += 1
                }
            }
        }
    }

    private static func isToken(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "*")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Every date in the text, in the forms people and programs write them: `YYYY-MM-DD`,
    /// `YYYY/M/D`, `YYYY.MM.DD`, `YYYY年M月D日`, and any 8 digits in a row read as `YYYYMMDD`.
    static func dates(in bytes: [UInt8]) -> [(key: Int, text: String)] {
        var found: [(key: Int, text: String)] = []
        let year = Array("年".utf8), month = Array("月".utf8)
        func number(at index: Int, digits: ClosedRange<Int>) -> (value: Int, end: Int)? {
            var end = index, value = 0
            while end < bytes.count, isDigit(bytes[end]), end - index < digits.upperBound {
                value = value * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            guard digits.contains(end - index), end >= bytes.count || !isDigit(bytes[end]) else { return nil }
            return (value, end)
        }
        func separator(at index: Int, wide: [UInt8]) -> Int? {
            guard index < bytes.count else { return nil }
            if [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(bytes[index]) { return index + 1 }
            if bytes[index...].starts(with: wide) { return index + wide.count }
            return nil
        }
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else { index += 1; continue }
            var runEnd = index
            while runEnd < bytes.count, isDigit(bytes[runEnd]) { runEnd += 1 }
            // Any 8 digits of a run: a birth date inside a longer number gives it away too.
            if runEnd - index >= 8 {
                for offset in index...(runEnd - 8) {
                    let key = bytes[offset..<offset + 8].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    found.append((key, String(decoding: bytes[offset..<offset + 8], as: UTF8.self)))
                }
            }
            if runEnd - index == 4, let afterYear = separator(at: runEnd, wide: year), let m = number(at: afterYear, digits: 1...2),
               let afterMonth = separator(at: m.end, wide: month), let d = number(at: afterMonth, digits: 1...2) {
                let y = bytes[index..<runEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                found.append((y * 10_000 + m.value * 100 + d.value, String(decoding: bytes[index..<d.end], as: UTF8.self)))
            }
            index = runEnd
        }
        return found
    }
}
