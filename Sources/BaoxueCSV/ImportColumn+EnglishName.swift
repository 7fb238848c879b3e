import BaoxueContracts

extension ImportColumn {
    /// The column's name in code (`idNumber`), which error messages give after the Chinese
    /// header so an English reader and a developer can both find it.
    var englishName: String { String(describing: self) }
}
