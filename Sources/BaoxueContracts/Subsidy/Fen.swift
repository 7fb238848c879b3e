/// Money as the county reports it, from integer fen (分): 元 with two decimals (`1250.00`) and 万元
/// with two decimals (`12.35`), rounded half up as the finance office rounds. Only the text is
/// rounded; sums are always taken in fen.
public enum Fen {
    /// `123456` fen → `1234.56`.
    public static func yuan(_ fen: Int64) -> String {
        decimal(fen, unit: 100)
    }

    /// `123456789` fen → `123.46` (万元: ten thousand yuan, a million fen).
    public static func wanYuan(_ fen: Int64) -> String {
        decimal(fen, unit: 1_000_000)
    }

    /// `fen / unit` with two decimals, rounded half away from zero, in integers.
    static func decimal(_ fen: Int64, unit: Int64) -> String {
        let hundredths = unit / 100
        let negative = fen < 0
        let magnitude = negative ? -fen : fen
        let rounded = (magnitude + hundredths / 2) / hundredths
        let whole = rounded / 100, cents = rounded % 100
        return (negative && rounded > 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}
