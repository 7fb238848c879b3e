/// The one masked form of each kind of sensitive value, for every list, ledger, export, alert,
/// webhook and error message (decision 111).
///
/// One function per kind, because two different masks of the same number shown in two places
/// can be laid over each other: `510123********2108` in one list and `5101232016****2108` in
/// another are the full number. So every place that shows a value masked calls the function
/// here, and nothing writes its own `prefix`/`suffix`.
///
/// What a mask keeps is chosen so that nothing shown beside it gives the hidden part back:
/// an ID number hides exactly its 8 birth-date digits, so a masked view shows the **birth year
/// only** (``birthYear(_:)``), never the month or day, and an age counted by year
/// (``ageByYear(_:on:)``), which does not change on the child's birthday.
///
/// | value | masked |
/// |---|---|
/// | ID number | `510123********123X` (region and the last four) |
/// | student number | `G510123********123X` (the same for the ID inside it) |
/// | phone | `138****5678` |
/// | person's name | `王**` |
/// | household region | the county, `510123` |
/// | birth date | the year, `2015` |
public enum Masking {
    /// The characters that stand in for what is hidden.
    static let hiddenDigits = "********"

    /// `510123********123X`: the region and the last four of an 18-character ID number as
    /// stored (canonical). The 8 hidden characters are the birth date.
    public static func idNumber(_ value: String) -> String {
        String(value.prefix(6)) + hiddenDigits + String(value.suffix(4))
    }

    /// `G510123********123X`: the letter, the region and the last four of a canonical student
    /// number. For a `G` number this is ``idNumber(_:)`` of the ID inside it behind its `G`, so
    /// the two masks of one child show the same characters; a `J` number hides its birth date
    /// the same way.
    public static func studentNumber(_ value: String) -> String {
        String(value.prefix(7)) + hiddenDigits + String(value.suffix(4))
    }

    /// `138****5678`: the first three and last four digits of a phone number; a number of seven
    /// digits or fewer is hidden whole.
    public static func phone(_ value: String) -> String {
        guard value.count > 7 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(3)) + String(repeating: "*", count: value.count - 7) + String(value.suffix(4))
    }

    /// `王**`: a person's first character (for most names the surname).
    public static func personName(_ value: String) -> String {
        value.isEmpty ? value : String(value.prefix(1)) + "**"
    }

    /// A household division code to its county, `510123`.
    public static func householdRegion(_ value: String) -> String {
        String(value.prefix(6))
    }

    /// What a masked view shows of a birth date: the year alone. With the check digit visible,
    /// the year and month would leave 2–5 candidate days; the year leaves about 33.
    public static func birthYear(_ date: CivilDate) -> Int {
        date.year
    }

    /// The age a child reaches in `today`'s calendar year: what a masked view shows as an age.
    /// An age in completed years would tick over on the birthday, and a person who looked every
    /// day would learn the day.
    public static func ageByYear(_ birthDate: CivilDate, on today: CivilDate) -> Int {
        today.year - birthDate.year
    }

    /// A key a person gave (an ID number or a student number, possibly mistyped) as messages and
    /// logs echo it: masked as the kind of number it looks like, by its length, so a full number
    /// never comes back in an error, a log line or an audit entry.
    public static func key(_ text: String) -> String {
        let key = TextNormalization.field(text)
        switch key.count {
        case 18: return idNumber(key.uppercased())
        case 19: return studentNumber(key.uppercased())
        case 10...: return String(key.prefix(6)) + hiddenDigits + String(key.suffix(4))
        default: return key
        }
    }
}
