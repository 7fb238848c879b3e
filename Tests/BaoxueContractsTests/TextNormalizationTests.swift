@testable import BaoxueContracts
import Testing

/// `TextNormalization.field` decides from the bytes alone whether a cell is already normal
/// (decision 153); whatever it decides, it must give what folding and trimming give.
@Suite struct TextNormalizationTests {
    /// Cells as offices export them, and the edges where a byte-level check could go wrong: lead
    /// bytes shared by a trimmable and a plain scalar (C2 for NBSP and the middle dot, E2 for the
    /// thin spaces and the ellipsis, EF for the BOM, the full-width forms and the scalars just
    /// outside them), four-byte scalars, and a foldable scalar at the very end.
    static let cells: [String] = [
        "", " ", "a", "张三", "欧阳·娜娜", "阿卜杜·热合曼", "𠀀", "𠀀𠀀名", "王𠮷",
        "530102201501011234", "53010220150101123X", "５３０１０２", "Ｘ", "张　三", "　张三", "张三　",
        " 张三", "张三 ", "\t张三\r\n", "\u{00A0}张三", "张三\u{00A0}", "·张三", "张三·", "\u{200B}张三", "张三\u{200B}",
        "\u{FEFF}530102", "530102\u{FEFF}", "张三…", "…张三", "\u{2009}张三", "张三\u{202F}", "\u{1680}a", "a\u{205F}",
        "\u{FF00}", "a\u{FF00}b", "\u{FF01}", "a\u{FF5E}", "a\u{FF5F}b", "\u{FF5F}", "ｚ", "\u{FF3F}", "\u{FF40}", "ａｂ　ｃ",
        "\u{3000}", "\u{3001}", "a\u{3001}", "é", "e\u{0301}", "a\u{0085}", "\u{0085}a", "\u{7F}", "\u{01}x\u{01}",
        "  ", "\u{3000}\u{3000}", "学校\u{E3}",
    ]

    @Test(arguments: cells)
    func aCellIsWhatFoldingAndTrimmingMakeOfIt(_ cell: String) {
        #expect(TextNormalization.field(cell) == TextNormalization.normalized(cell))
    }

    /// Every pair of the cells above, and each with a space or a full-width form added to it:
    /// the normal cells are told apart from the others whatever surrounds them.
    @Test func everyJoinOfTheCellsToo() {
        for left in Self.cells {
            for right in Self.cells {
                for cell in [left + right, left + " " + right, left + "Ａ" + right, left + "\u{3000}" + right] {
                    #expect(TextNormalization.field(cell) == TextNormalization.normalized(cell), "\(Array(cell.unicodeScalars.map(\.value)))")
                }
            }
        }
    }

    @Test func aNormalCellIsReturnedAsItIs() {
        for cell in ["张三", "欧阳·娜娜", "530102201501011234", "王𠮷"] {
            #expect(TextNormalization.field(cell) == cell)
        }
        #expect(TextNormalization.field("　５３０１０２Ｘ\u{00A0}") == "530102X")
    }
}
