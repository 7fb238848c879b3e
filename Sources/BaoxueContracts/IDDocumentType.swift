/// 身份证件类型 as the national 学籍 export writes it. Only a resident ID card's number has the
/// checksum, birth date and sex Baoxue checks and keys children by; other documents' numbers
/// (passports, Hong Kong, Macao and Taiwan passes) are not kept.
enum IDDocumentType {
    /// Whether a 身份证件类型 cell names a resident ID card; a blank cell is taken for one, as in
    /// every file without the column.
    static func isResidentCard(_ text: String) -> Bool {
        let text = TextNormalization.field(text)
        return text.isEmpty || text.hasPrefix("居民身份证") || ["身份证", "1", "01", "resident id"].contains(text.lowercased())
    }
}
