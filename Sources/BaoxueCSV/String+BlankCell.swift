import BaoxueContracts

extension String {
    /// Whether a cell holds nothing but white space, including the ideographic space, NBSP and
    /// the zero-width characters that spreadsheet exports leave behind. Stops at the first
    /// visible character, so it costs little on the cells that matter.
    @usableFromInline
    var isBlankCell: Bool {
        unicodeScalars.allSatisfy(TextNormalization.isTrimmable)
    }
}
